package org.casetrack.platform.streams;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams application and its lifecycle: started once, closed leaving the group (so a
 * successor takes over at once, not after the session timeout), with its state visible for health.
 * Never cleans up local state on start.
 */
public final class StreamsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private final String name;
    private final KafkaStreams streams;
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private final AtomicLong stateChanges = new AtomicLong();

    public StreamsApp(String name, Topology topology, Properties properties) {
        this.name = name;
        this.streams = new KafkaStreams(topology, properties);
        this.streams.setUncaughtExceptionHandler(e -> {
            lastError.set(e);
            LOG.error("Stream thread of {} failed; replacing it", name, Redacted.of(e));
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.streams.setStateListener((now, before) -> {
            stateChanges.incrementAndGet();
            LOG.info("{}: {} -> {}", name, before, now);
        });
        LOG.info("{} uses application id {}", name, properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    public StreamsApp start() {
        streams.start();
        return this;
    }

    public String name() {
        return name;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * How many times the application's state has changed so far. Whatever was read from its stores
     * while this stayed the same was read between the same two rebalances.
     */
    public long stateChanges() {
        return stateChanges.get();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public Throwable lastError() {
        return lastError.get();
    }

    /** Waits (bounded) until the application runs; false when it did not within the time. */
    public boolean awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object monitor = new Object();
        while (!isRunning() && System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            synchronized (monitor) {
                try {
                    monitor.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return isRunning();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(Duration timeout) {
        long started = System.nanoTime();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(timeout));
        LOG.info("{} closed in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }
}
