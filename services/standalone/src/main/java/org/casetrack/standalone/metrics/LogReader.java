package org.casetrack.standalone.metrics;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads case-events, compound-events and command-outcomes from the beginning (assigned partitions,
 * no group, read_committed) into {@link EventTally}, and keeps following them. A record it cannot
 * decode is skipped and named by position (the Streams services send it to their dead letters).
 */
@Context
@Requires(property = "casetrack.metrics.cluster-enabled", notEquals = "false")
public class LogReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogReader.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventTally tally;
    private final Topics topics;
    private final Deserializer<CaseEvent> caseEvents;
    private final Deserializer<CompoundEvent> compoundEvents;
    private final Deserializer<CommandOutcome> outcomes;
    private final Thread thread;
    private volatile boolean running = true;

    public LogReader(KafkaSettings kafka, ProvisionedTopics provisioned, TopicSerdes serdes, MeterRegistry registry) {
        this.topics = provisioned.topics();
        this.tally = new EventTally(registry);
        this.caseEvents = serdes.value(topics.caseEvents()).deserializer();
        this.compoundEvents = serdes.value(topics.compoundEvents()).deserializer();
        this.outcomes = serdes.value(topics.commandOutcomes()).deserializer();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "casetrack-metrics-" + UUID.randomUUID()),
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.caseEvents().name(), topics.compoundEvents().name(), topics.commandOutcomes().name())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "casetrack-metrics-log");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    EventTally tally() {
        return tally;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("The metrics log reader was woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("The metrics log reader stopped: {}", e.getClass().getName());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void count(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (record.topic().equals(topics.caseEvents().name())) {
                tally.caseEvent(caseEvents.deserialize(record.topic(), record.value()));
            } else if (record.topic().equals(topics.compoundEvents().name())) {
                tally.compoundEvent(compoundEvents.deserialize(record.topic(), record.value()));
            } else {
                tally.outcome(outcomes.deserialize(record.topic(), record.value()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Metrics skip an undecodable record at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(),
                    e.getClass().getName());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
