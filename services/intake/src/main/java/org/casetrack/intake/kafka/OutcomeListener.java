package org.casetrack.intake.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.intake.config.IntakeSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of command-outcomes (assigned, no group, read_committed), from the end
 * as it was when this instance started, before the HTTP server takes traffic. A request registers
 * its wait before it sends, so no outcome can slip past; decided outcomes are kept (bounded) for
 * GET /api/v1/commands/{id}.
 */
@Context
// compose runs one service per process of the same jar: the others are switched off
@Requires(property = "intake.enabled", notEquals = "false")
public class OutcomeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeListener.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Deserializer<CommandOutcome> outcomes;
    private final OutcomeWaits waiting = new OutcomeWaits();
    /** Decided outcomes as read (their wire bytes), decoded again when asked for. */
    private final RecentOutcomes recent;
    private final Thread thread;
    private volatile boolean running = true;

    public OutcomeListener(KafkaSettings kafka, ProvisionedTopics provisioned, TopicSerdes serdes, IntakeSettings settings) {
        this.topic = provisioned.topics().commandOutcomes().name();
        this.outcomes = serdes.value(provisioned.topics().commandOutcomes()).deserializer();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20); // as the Streams applications: docs/decisions/0012
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "intake-outcomes-" + UUID.randomUUID());
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any request registers a wait
        this.recent = new RecentOutcomes(settings.recentOutcomes());
        this.thread = new Thread(this::run, "intake-outcomes");
        this.thread.setDaemon(true);
        this.thread.start();
        LOG.info("Reading outcomes from {} partitions of {}", partitions.size(), topic);
    }

    /**
     * Registers a wait for the command's outcome; call before sending the command. An outcome seen
     * earlier is not reused: the ledger answers every send (a replay returns the first outcome, the
     * same id with another body is refused under that body's hash), so the answer always matches
     * this request's body, even when two requests with one key and different bodies race.
     */
    public CompletableFuture<CommandOutcome> expect(UUID commandId, String bodyHash) {
        return waiting.expect(commandId, bodyHash);
    }

    /** Drops the wait of a command that could not be sent. */
    public void forget(UUID commandId, String bodyHash) {
        waiting.forget(commandId, bodyHash);
    }

    public boolean isWaitingFor(UUID commandId) {
        return waiting.isWaitingFor(commandId);
    }

    public Optional<CommandOutcome> recent(UUID commandId) {
        return recent.get(commandId).map(raw -> outcomes.deserialize(topic, raw));
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    CommandOutcome outcome;
                    try {
                        outcome = outcomes.deserialize(topic, record.headers(), record.value());
                    } catch (RuntimeException e) {
                        LOG.error("Skipping an undecodable outcome at {}-{} offset {}", record.topic(), record.partition(), record.offset());
                        continue;
                    }
                    deliver(outcome, record.value());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Outcome reader woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Outcome reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void deliver(CommandOutcome outcome, byte[] raw) {
        if (outcome == null) {
            return;
        }
        recent.put(outcome.getCommandId(), raw);
        waiting.deliver(outcome);
    }

    public boolean isRunning() {
        return thread.isAlive();
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
