package org.casetrack.feeds.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.Problem;
import org.casetrack.access.http.ProblemException;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.domain.FeedItem;
import org.casetrack.feeds.topology.DeliveryGate;
import org.casetrack.feeds.topology.FeedReader;
import org.casetrack.feeds.topology.FeedTopics;
import org.casetrack.schemas.topics.Topic;
import org.reactivestreams.Publisher;

/**
 * The caller's embassy feed: {@code GET /api/v1/feed} streams it as server-sent events, resuming
 * after {@code Last-Event-ID}; {@code GET /api/v1/feed/cases/{caseId}} lists one case's entries.
 * An offset no longer retained answers 410 (problem type {@code feed-reset}): the client starts
 * again without Last-Event-ID.
 */
@Controller("/api/v1/feed")
@Secured(Roles.EMBASSY)
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedController {
    static final String RESET = "feed-reset";

    private final FeedTopics feedTopics;
    private final FeedReader reader;
    private final FeedStreaming streaming;
    private final CaseEntries caseEntries;
    private final DeliveryGate gate;
    private final DisclosureLog disclosures;

    public FeedController(FeedTopics feedTopics, FeedReader reader, FeedStreaming streaming, CaseEntries caseEntries,
                          DeliveryGate gate, DisclosureLog disclosures) {
        this.feedTopics = feedTopics;
        this.reader = reader;
        this.streaming = streaming;
        this.caseEntries = caseEntries;
        this.gate = gate;
        this.disclosures = disclosures;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CaseFeed(String caseId, List<FeedItem> entries) {
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> feed(Authentication authentication, @Nullable @Header("Last-Event-ID") String lastEventId) {
        Caller caller = Caller.from(authentication);
        Topic<FeedEntry> topic = topicOf(caller);
        Long last = parse(lastEventId);
        KafkaConsumer<String, FeedEntry> consumer = reader.open(topic, "feed-sse");
        try {
            FeedReader.Range range = reader.range(consumer, topic);
            long from = last == null ? range.start() : last + 1;
            if (from < range.start() || from > range.end()) {
                throw new ProblemException(Problem.typed(RESET, HttpStatus.GONE, "The feed no longer holds the position after event "
                        + last + ": it now holds offsets " + range.start() + " to " + (range.end() - 1)
                        + "; reconnect without Last-Event-ID to read it from its start", List.of()));
            }
            return streaming.stream(caller, topic, consumer, from);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    @Get(uri = "/cases/{caseId}", produces = MediaType.APPLICATION_JSON)
    public CaseFeed caseFeed(Authentication authentication, @PathVariable String caseId) {
        Caller caller = Caller.from(authentication);
        Topic<FeedEntry> topic = topicOf(caller);
        DeliveryGate.Verdict verdict = gate.check(caller.embassyCountry().orElseThrow(), caseId);
        if (verdict == DeliveryGate.Verdict.UNAVAILABLE) {
            throw ProblemException.unavailable("The feed is starting; retry shortly", 2);
        }
        if (verdict != DeliveryGate.Verdict.DELIVER) {
            throw notFound();
        }
        List<FeedItem> entries = caseEntries.of(topic, caseId);
        if (entries.isEmpty()) {
            throw notFound();
        }
        Instant now = Instant.now();
        disclosures.recordAll(entries.stream().map(e -> new Disclosure(now, caller.principal(), caller.organisation(), Disclosure.FEED,
                caseId, e.eventType() + " at " + topic.name() + ":" + e.offset(), "embassy feed case lookup")).toList());
        return new CaseFeed(caseId, entries);
    }

    private static ProblemException notFound() {
        // the same answer whether the case does not exist, is of another nationality or did not consent
        return ProblemException.notFound("No case with this id is in your feed");
    }

    private Topic<FeedEntry> topicOf(Caller caller) {
        return caller.embassyCountry().flatMap(feedTopics::of)
                .orElseThrow(() -> ProblemException.notFound("There is no feed for this embassy's nationality here"));
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long last = Long.parseLong(lastEventId.strip());
            if (last >= 0) {
                return last;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("Last-Event-ID must be the id of an event of this feed",
                List.of(new FieldError("Last-Event-ID", "must be a non-negative whole number")));
    }
}
