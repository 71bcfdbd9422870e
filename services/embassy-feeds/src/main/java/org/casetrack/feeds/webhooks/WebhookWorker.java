package org.casetrack.feeds.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.http.UnexpectedErrorHandler;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.domain.FeedItem;
import org.casetrack.feeds.store.ParkedDelivery;
import org.casetrack.feeds.store.Subscription;
import org.casetrack.feeds.topology.DeliveryGate.Verdict;
import org.casetrack.feeds.topology.FeedReader;
import org.casetrack.schemas.topics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one subscription's feed, one record at a time and in feed order, from its cursor. A
 * failed attempt is retried with exponential backoff and jitter; when every attempt failed, the
 * delivery is parked, the subscription suspended and the worker ends. Records the consent rules
 * now keep back are skipped. After an unexpected failure (database, broker) the worker starts
 * again from the stored cursor, which may deliver the last record twice under the same webhook-id.
 */
final class WebhookWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration UNAVAILABLE_WAIT = Duration.ofMillis(500);

    private final Subscription subscription;
    private final URI url;
    private final byte[] key;
    private final Topic<FeedEntry> topic;
    private final WorkerContext ctx;
    private final Consumer<WebhookWorker> onEnd;
    private final Waiter waiter = new Waiter();
    private volatile boolean running = true;
    private volatile boolean ended;
    private volatile KafkaConsumer<String, FeedEntry> consumer;
    private volatile CompletableFuture<WebhookSender.Outcome> inFlight;

    WebhookWorker(Subscription subscription, byte[] key, Topic<FeedEntry> topic, WorkerContext ctx, Consumer<WebhookWorker> onEnd) {
        this.subscription = subscription;
        this.url = URI.create(subscription.url());
        this.key = key;
        this.topic = topic;
        this.ctx = ctx;
        this.onEnd = onEnd;
    }

    Subscription subscription() {
        return subscription;
    }

    /** True once the worker will deliver nothing more (stopped or suspended). */
    boolean ended() {
        return ended || !running;
    }

    void stop() {
        running = false;
        waiter.wake();
        CompletableFuture<?> attempt = inFlight;
        if (attempt != null) {
            attempt.cancel(true);
        }
        KafkaConsumer<String, FeedEntry> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    session();
                } catch (WakeupException e) {
                    // stopped while waiting on the broker
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.error("Webhook worker of subscription {} failed; restarting from its cursor: {}", subscription.id(),
                                UnexpectedErrorHandler.describe(e));
                        waiter.await(ctx.backoff().initial().plusSeconds(1));
                    }
                }
            }
        } finally {
            ended = true;
            onEnd.accept(this);
        }
    }

    private void session() {
        try (KafkaConsumer<String, FeedEntry> c = ctx.reader().open(topic, "webhook-" + subscription.id())) {
            consumer = c;
            long cursor = ctx.deliveries().cursor(subscription.id());
            FeedReader.Range range = ctx.reader().range(c, topic);
            if (cursor < range.start()) {
                LOG.warn("Subscription {}: feed offsets {} to {} expired before delivery", subscription.id(), cursor, range.start() - 1);
                cursor = range.start();
            }
            c.seek(FeedReader.partition(topic), cursor);
            while (running) {
                try {
                    for (ConsumerRecord<String, FeedEntry> record : c.poll(POLL)) {
                        if (!running || !handle(record)) {
                            return;
                        }
                    }
                } catch (RecordDeserializationException e) {
                    LOG.error("Subscription {}: undecodable feed record at offset {} skipped", subscription.id(), e.offset());
                    ctx.deliveries().advance(subscription.id(), e.offset() + 1);
                    c.seek(FeedReader.partition(topic), e.offset() + 1);
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** @return false when the worker must end (suspended or stopped) */
    private boolean handle(ConsumerRecord<String, FeedEntry> record) {
        Verdict verdict = ctx.gate().check(subscription.embassy(), record.key());
        while (verdict == Verdict.UNAVAILABLE && running) {
            waiter.await(UNAVAILABLE_WAIT);
            verdict = ctx.gate().check(subscription.embassy(), record.key());
        }
        if (!running) {
            return false;
        }
        if (verdict == Verdict.WITHHOLD || record.value() == null) {
            ctx.deliveries().advance(subscription.id(), record.offset() + 1);
            return true;
        }
        String webhookId = topic.name() + ":" + record.offset();
        FeedItem item = FeedItem.of(record.offset(), record.value());
        String body = json(new WebhookPayload(item.eventType(), item.recordedAt(), item));
        for (int attempt = 1; running; attempt++) {
            WebhookSender.Outcome outcome = attempt(webhookId, body);
            if (outcome == null) {
                return false;
            }
            if (outcome.delivered()) {
                ctx.disclosures().record(new Disclosure(Instant.now(), subscription.createdBy(), subscription.organisation(),
                        Disclosure.WEBHOOK, record.key(), item.eventType() + " at " + webhookId + " to subscription " + subscription.id(),
                        "agreement " + subscription.agreement()));
                ctx.deliveries().advance(subscription.id(), record.offset() + 1);
                return true;
            }
            LOG.warn("Subscription {}: delivery {} attempt {} of {} failed: {}", subscription.id(), webhookId, attempt,
                    ctx.attempts(), outcome.error());
            if (attempt >= ctx.attempts()) {
                // ended before the suspension is stored, so a replay that sees it suspended never finds this worker still running
                ended = true;
                ctx.deliveries().park(subscription.id(), new ParkedDelivery(record.offset(), webhookId, item.eventType(), attempt,
                        outcome.error(), Instant.now()));
                LOG.warn("Subscription {} suspended: delivery {} parked", subscription.id(), webhookId);
                running = false;
                return false;
            }
            waiter.await(ctx.backoff().delay(attempt));
        }
        return false;
    }

    /** One attempt, waited for; null when the worker was stopped meanwhile. */
    private WebhookSender.Outcome attempt(String webhookId, String body) {
        CompletableFuture<WebhookSender.Outcome> future = ctx.sender().send(url, webhookId, body, key);
        inFlight = future;
        try {
            return running ? future.get() : null;
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return WebhookSender.Outcome.failed(e.getCause().getClass().getSimpleName());
        } finally {
            inFlight = null;
        }
    }

    private String json(WebhookPayload payload) {
        try {
            return new String(ctx.json().writeValueAsBytes(payload), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a webhook payload: " + e.getClass().getSimpleName(), e);
        }
    }
}
