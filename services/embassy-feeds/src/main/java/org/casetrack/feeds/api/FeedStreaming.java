package org.casetrack.feeds.api;

import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.access.http.ProblemException;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.config.SseSettings;
import org.casetrack.feeds.topology.DeliveryGate;
import org.casetrack.schemas.topics.Topic;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The open SSE feed streams of this instance, at most {@code feeds.sse.max-streams}; each runs on
 * a thread of its own (a Kafka consumer is single-threaded and blocks in poll). Closed on shutdown.
 */
@Singleton
public class FeedStreaming implements AutoCloseable {
    private static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore slots;
    private final FeedConnection.Shared shared;
    private final Set<FeedConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();

    public FeedStreaming(SseSettings settings, DeliveryGate gate, DisclosureLog disclosures, JsonMapper json) {
        this.slots = new Semaphore(settings.maxStreams());
        this.shared = new FeedConnection.Shared(gate, disclosures, json, settings.heartbeat());
    }

    /**
     * Streams the feed from {@code from}; the consumer is handed over and closed with the stream.
     *
     * @throws ProblemException 503 when every stream slot is taken
     */
    public Flux<Event<String>> stream(Caller caller, Topic<FeedEntry> topic, KafkaConsumer<String, FeedEntry> consumer, long from) {
        if (!slots.tryAcquire()) {
            consumer.close();
            throw ProblemException.unavailable("Too many feed streams are open on this server; reconnect later", RETRY_AFTER_SECONDS);
        }
        return Flux.create((FluxSink<Event<String>> sink) -> {
            FeedConnection connection = new FeedConnection(caller, topic, consumer, from, sink, shared);
            open.add(connection);
            Thread thread = new Thread(() -> {
                try {
                    connection.run();
                } finally {
                    open.remove(connection);
                    slots.release();
                }
            }, "feed-sse-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    @Override
    @PreDestroy
    public void close() {
        open.forEach(FeedConnection::stop);
    }
}
