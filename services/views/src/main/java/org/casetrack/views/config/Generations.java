package org.casetrack.views.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.ViewGeneration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current generation of the views, kept in the compacted control topic view-generations (key
 * "views"). Read to its end at start-up, watched for switches while running, written by a rebuild.
 */
public final class Generations implements AutoCloseable {
    public static final String KEY = "views";
    private static final Logger LOG = LoggerFactory.getLogger(Generations.class);

    private final String bootstrapServers;
    private final String topic;
    private final Serde<ViewGeneration> serde;
    private volatile KafkaConsumer<String, ViewGeneration> watching;
    private Thread watcher;

    public Generations(String bootstrapServers, String topic, Serde<ViewGeneration> serde) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.serde = serde;
    }

    private KafkaConsumer<String, ViewGeneration> consumer() {
        KafkaConsumer<String, ViewGeneration> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "views-generations-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), serde.deserializer());
        consumer.assign(List.of(new TopicPartition(topic, 0)));
        consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
        return consumer;
    }

    /** The generation on the control topic, read to its end; empty when none was ever written. */
    public Optional<ViewGeneration> current(Duration timeout) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, ViewGeneration> consumer = consumer()) {
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            ViewGeneration latest = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading the views generation from " + topic);
                }
                for (ConsumerRecord<String, ViewGeneration> r : consumer.poll(Duration.ofMillis(100))) {
                    if (KEY.equals(r.key()) && r.value() != null) {
                        latest = r.value();
                    }
                }
            }
            return Optional.ofNullable(latest);
        }
    }

    /** Makes a generation the current one for every instance. */
    public void publish(int generation) {
        try (KafkaProducer<String, ViewGeneration> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, 0, KEY, new ViewGeneration(generation, Instant.now()))).get(30, TimeUnit.SECONDS);
            LOG.info("Views generation {} is now current", generation);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish views generation " + generation + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing views generation " + generation, e);
        }
    }

    /**
     * Calls {@code onGeneration} (on a watcher thread) with every generation on the control topic, from its
     * beginning, so a switch written between reading the current generation and watching is not missed.
     */
    public synchronized void watch(IntConsumer onGeneration) {
        KafkaConsumer<String, ViewGeneration> consumer = consumer();
        watching = consumer;
        watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, ViewGeneration> r : consumer.poll(Duration.ofMillis(500))) {
                        if (KEY.equals(r.key()) && r.value() != null) {
                            onGeneration.accept(r.value().getGeneration());
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                LOG.error("Watching the views generation stopped", e);
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }, "views-generation-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public synchronized void close() {
        if (watching != null) {
            watching.wakeup();
            try {
                watcher.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            watching = null;
        }
    }
}
