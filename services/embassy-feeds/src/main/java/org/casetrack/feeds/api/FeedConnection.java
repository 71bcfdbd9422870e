package org.casetrack.feeds.api;

import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.domain.FeedItem;
import org.casetrack.feeds.topology.DeliveryGate;
import org.casetrack.feeds.topology.DeliveryGate.Verdict;
import org.casetrack.feeds.topology.FeedReader;
import org.casetrack.feeds.webhooks.Waiter;
import org.casetrack.schemas.topics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.FluxSink;

/**
 * One SSE client reading its embassy's feed: a consumer on the feed's only partition, from the
 * requested offset, on a thread of its own. Each batch the consent rules still let through is
 * written to the disclosure log, then sent as events ({@code id:} the offset, {@code event:} the
 * event type, {@code data:} the record as JSON). An idle stream sends a comment every heartbeat.
 */
final class FeedConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedConnection.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Caller caller;
    private final String embassy;
    private final Topic<FeedEntry> topic;
    private final KafkaConsumer<String, FeedEntry> consumer;
    private final long from;
    private final FluxSink<Event<String>> sink;
    private final Shared shared;
    private final Waiter waiter = new Waiter();
    private volatile boolean running = true;

    /** What every connection uses. */
    record Shared(DeliveryGate gate, DisclosureLog disclosures, JsonMapper json, Duration heartbeat) {
    }

    FeedConnection(Caller caller, Topic<FeedEntry> topic, KafkaConsumer<String, FeedEntry> consumer, long from,
                   FluxSink<Event<String>> sink, Shared shared) {
        this.caller = caller;
        this.embassy = caller.embassyCountry().orElseThrow();
        this.topic = topic;
        this.consumer = consumer;
        this.from = from;
        this.sink = sink;
        this.shared = shared;
        sink.onRequest(n -> waiter.wake());
        sink.onDispose(this::stop);
    }

    void stop() {
        running = false;
        waiter.wake();
        consumer.wakeup();
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.seek(FeedReader.partition(topic), from);
            long lastSent = System.nanoTime();
            while (running && !sink.isCancelled()) {
                if (sink.requestedFromDownstream() <= 0) {
                    waiter.await(POLL);
                    continue;
                }
                List<Event<String>> events = next();
                if (!events.isEmpty()) {
                    events.forEach(sink::next);
                    lastSent = System.nanoTime();
                } else if (System.nanoTime() - lastSent >= shared.heartbeat().toNanos()) {
                    sink.next(Event.of("").comment("heartbeat"));
                    lastSent = System.nanoTime();
                }
            }
            sink.complete();
        } catch (WakeupException e) {
            sink.complete();
        } catch (RuntimeException e) {
            LOG.warn("Feed stream of {} for {} ended by an error: {}", topic.name(), caller.principal(), e.getClass().getName());
            sink.error(e);
        }
    }

    /** The next events to send, already written to the disclosure log; empty when none arrived. */
    private List<Event<String>> next() {
        ConsumerRecords<String, FeedEntry> records;
        try {
            records = consumer.poll(POLL);
        } catch (RecordDeserializationException e) {
            LOG.error("Undecodable record at offset {} of {} skipped", e.offset(), topic.name());
            consumer.seek(FeedReader.partition(topic), e.offset() + 1);
            return List.of();
        }
        List<Event<String>> events = new ArrayList<>();
        List<Disclosure> disclosures = new ArrayList<>();
        Instant now = Instant.now();
        for (ConsumerRecord<String, FeedEntry> record : records) {
            Verdict verdict = shared.gate().check(embassy, record.key());
            if (verdict == Verdict.UNAVAILABLE) {
                // the consent rules cannot be checked now: send what passed, come back to this record
                consumer.seek(FeedReader.partition(topic), record.offset());
                waiter.await(POLL);
                break;
            }
            if (verdict == Verdict.DELIVER && record.value() != null) {
                FeedItem item = FeedItem.of(record.offset(), record.value());
                events.add(Event.of(json(item)).id(Long.toString(record.offset())).name(item.eventType()));
                disclosures.add(new Disclosure(now, caller.principal(), caller.organisation(), Disclosure.FEED, record.key(),
                        item.eventType() + " at " + topic.name() + ":" + record.offset(), "embassy feed stream"));
            }
        }
        shared.disclosures().recordAll(disclosures);
        return events;
    }

    private String json(FeedItem item) {
        try {
            return new String(shared.json().writeValueAsBytes(item), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a feed record as JSON: " + e.getClass().getSimpleName(), e);
        }
    }
}
