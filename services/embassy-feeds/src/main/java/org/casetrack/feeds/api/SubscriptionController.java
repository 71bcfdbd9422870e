package org.casetrack.feeds.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.ProblemException;
import org.casetrack.feeds.store.Deliveries;
import org.casetrack.feeds.store.ParkedDelivery;
import org.casetrack.feeds.store.SecretBox;
import org.casetrack.feeds.store.Subscription;
import org.casetrack.feeds.store.Subscriptions;
import org.casetrack.feeds.topology.FeedTopics;
import org.casetrack.feeds.webhooks.TargetPolicy;
import org.casetrack.feeds.webhooks.WebhookWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook subscriptions of the caller's embassy. Another embassy's subscription answers 404 like
 * one that does not exist. Deliveries start at the beginning of the feed (what it still retains).
 */
@Controller("/api/v1/subscriptions")
@Secured(Roles.EMBASSY)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionController {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionController.class);

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final SecretBox secrets;
    private final WebhookWorkers workers;
    private final TargetPolicy policy;
    private final FeedTopics feedTopics;

    public SubscriptionController(Subscriptions subscriptions, Deliveries deliveries, SecretBox secrets, WebhookWorkers workers,
                                  TargetPolicy policy, FeedTopics feedTopics) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.workers = workers;
        this.policy = policy;
        this.feedTopics = feedTopics;
    }

    @Serdeable
    public record SubscriptionView(String id, String url, String agreement, String status, Instant createdAt, String createdBy) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id().toString(), s.url(), s.agreement(), s.status().name(), s.createdAt(), s.createdBy());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SubscriptionList(List<SubscriptionView> subscriptions) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ParkedList(String subscriptionId, List<ParkedDelivery> parked) {
    }

    @Serdeable
    public record Replay(String subscriptionId, String status, int released) {
    }

    @Post
    public HttpResponse<SubscriptionView> create(@Body SubscriptionRequest request, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        String embassy = caller.embassyCountry().orElseThrow();
        SubscriptionRequest.Valid valid = request.validated(policy);
        if (feedTopics.of(embassy).isEmpty()) {
            throw ProblemException.unprocessable("There is no feed for this embassy's nationality here");
        }
        Subscription subscription = new Subscription(UUID.randomUUID(), embassy, valid.url().toString(), valid.agreement(),
                caller.principal(), caller.organisation(), Instant.now().truncatedTo(ChronoUnit.MICROS), Subscription.Status.ACTIVE);
        subscriptions.create(subscription, secrets.seal(subscription.id(), valid.secret().getBytes(StandardCharsets.UTF_8)), 0);
        workers.start(subscription);
        LOG.info("Webhook subscription {} created for embassy {} by {} under agreement {}", subscription.id(), embassy,
                caller.principal(), valid.agreement());
        return HttpResponse.status(HttpStatus.CREATED).body(SubscriptionView.of(subscription));
    }

    @Get
    public SubscriptionList list(Authentication authentication) {
        return new SubscriptionList(subscriptions.ofEmbassy(embassyOf(authentication)).stream().map(SubscriptionView::of).toList());
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(@PathVariable String id, Authentication authentication) {
        Subscription subscription = owned(id, authentication);
        subscriptions.delete(subscription.id());
        workers.stop(subscription.id());
        secrets.destroy(subscription.id());
        LOG.info("Webhook subscription {} deleted by {}", subscription.id(), Caller.from(authentication).principal());
        return HttpResponse.noContent();
    }

    @Get("/{id}/parked")
    public ParkedList parked(@PathVariable String id, Authentication authentication) {
        Subscription subscription = owned(id, authentication);
        return new ParkedList(subscription.id().toString(), deliveries.parked(subscription.id()));
    }

    @Post("/{id}/replay")
    public HttpResponse<Replay> replay(@PathVariable String id, Authentication authentication) {
        Subscription subscription = owned(id, authentication);
        int released = deliveries.resume(subscription.id()).orElseThrow(() ->
                ProblemException.conflict("The subscription is not suspended: there is nothing to replay"));
        Subscription resumed = new Subscription(subscription.id(), subscription.embassy(), subscription.url(), subscription.agreement(),
                subscription.createdBy(), subscription.organisation(), subscription.createdAt(), Subscription.Status.ACTIVE);
        workers.start(resumed);
        LOG.info("Webhook subscription {} resumed by {}: {} parked deliveries replayed", subscription.id(),
                Caller.from(authentication).principal(), released);
        return HttpResponse.status(HttpStatus.ACCEPTED).body(new Replay(subscription.id().toString(), "ACTIVE", released));
    }

    private Subscription owned(String id, Authentication authentication) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return subscriptions.find(uuid, embassyOf(authentication)).orElseThrow(SubscriptionController::notFound);
    }

    private static String embassyOf(Authentication authentication) {
        return Caller.from(authentication).embassyCountry().orElseThrow();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No subscription of your embassy has this id");
    }
}
