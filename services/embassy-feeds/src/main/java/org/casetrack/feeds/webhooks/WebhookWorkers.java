package org.casetrack.feeds.webhooks;

import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.config.WebhookSettings;
import org.casetrack.feeds.store.Deliveries;
import org.casetrack.feeds.store.SecretBox;
import org.casetrack.feeds.store.Subscription;
import org.casetrack.feeds.store.Subscriptions;
import org.casetrack.feeds.topology.DeliveryGate;
import org.casetrack.feeds.topology.FeedReader;
import org.casetrack.feeds.topology.FeedTopics;
import org.casetrack.schemas.topics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery worker (a thread) per active subscription: started for every active subscription at
 * start-up, for a new subscription and on a replay; stopped on deletion, suspension and shutdown.
 * The secret is opened once, when the worker starts, and lives only in that worker.
 */
@Singleton
public class WebhookWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorkers.class);
    private static final long STOP_WAIT_MS = 15_000;

    private final Subscriptions subscriptions;
    private final SecretBox secrets;
    private final FeedTopics feedTopics;
    private final WorkerContext context;
    private final Map<UUID, Running> workers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Running(WebhookWorker worker, Thread thread) {
    }

    public WebhookWorkers(Subscriptions subscriptions, SecretBox secrets, FeedTopics feedTopics, FeedReader reader, DeliveryGate gate,
                          Deliveries deliveries, DisclosureLog disclosures, WebhookSender sender, WebhookSettings settings,
                          JsonMapper json) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.feedTopics = feedTopics;
        SecureRandom random = new SecureRandom();
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.jitter(), random::nextDouble);
        this.context = new WorkerContext(reader, gate, deliveries, disclosures, sender, backoff, settings.attempts(), json);
    }

    /** Starts a worker for every active subscription. */
    public void startAll() {
        List<Subscription> active = subscriptions.active();
        for (Subscription subscription : active) {
            try {
                start(subscription);
            } catch (RuntimeException e) {
                // one subscription whose secret cannot be opened must not keep the others (or the service) down
                LOG.error("Webhook worker of subscription {} cannot start: {}", subscription.id(), e.getClass().getName());
            }
        }
        LOG.info("Webhook workers started for {} active subscriptions", active.size());
    }

    /** Starts the subscription's worker unless one is running; waits for a worker that is ending. */
    public synchronized void start(Subscription subscription) {
        if (closed) {
            return;
        }
        Running existing = workers.get(subscription.id());
        if (existing != null) {
            if (!existing.worker().ended()) {
                return;
            }
            join(existing);
        }
        Optional<Topic<FeedEntry>> topic = feedTopics.of(subscription.embassy());
        if (topic.isEmpty()) {
            LOG.warn("Subscription {} names an embassy without a feed here; not delivering", subscription.id());
            return;
        }
        byte[] key = Signatures.key(new String(secrets.open(subscription.id(), subscriptions.sealedSecret(subscription.id())),
                StandardCharsets.UTF_8));
        WebhookWorker worker = new WebhookWorker(subscription, key, topic.get(), context, this::ended);
        Thread thread = new Thread(worker, "webhook-" + subscription.id());
        thread.setDaemon(true);
        workers.put(subscription.id(), new Running(worker, thread));
        thread.start();
    }

    /** Stops the subscription's worker, if any, and waits for it. */
    public void stop(UUID subscriptionId) {
        Running running = workers.get(subscriptionId);
        if (running != null) {
            running.worker().stop();
            join(running);
        }
    }

    public boolean isRunning(UUID subscriptionId) {
        Running running = workers.get(subscriptionId);
        return running != null && !running.worker().ended();
    }

    private void ended(WebhookWorker worker) {
        workers.computeIfPresent(worker.subscription().id(), (id, r) -> r.worker() == worker ? null : r);
    }

    private static void join(Running running) {
        try {
            running.thread().join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.thread().isAlive()) {
            LOG.warn("Webhook worker of subscription {} did not stop within {} ms", running.worker().subscription().id(), STOP_WAIT_MS);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        closed = true;
        List<Running> all = new ArrayList<>(workers.values());
        all.forEach(r -> r.worker().stop());
        all.forEach(WebhookWorkers::join);
        workers.clear();
    }
}
