package org.casetrack.ledger.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.casetrack.ledger.topology.CompoundProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compound side's progress, watched from outside the stream thread: up to date when the ledger
 * group's committed offsets on compound-commands have reached the end of every partition (so every
 * compound command written so far is decided and its registry record committed, whichever instance
 * owns the partition) and the global consumer has no lag on compound-registry. Checked every
 * {@code interval}; a check that fails counts as behind.
 */
final class ConsumerLagProgress implements CompoundProgress, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLagProgress.class);

    private final Admin admin;
    private final String applicationId;
    private final String compoundCommands;
    private final String registryTopic;
    private final ScheduledExecutorService checks;
    private volatile KafkaStreams streams;
    private volatile long upToDateSince = Long.MAX_VALUE;
    // the registry's lag metrics of one Streams instance, looked up now and then (only the checks thread touches them)
    private List<Metric> registryLags = List.of();
    private KafkaStreams lagsFoundIn;
    private long lagsFoundAt;

    ConsumerLagProgress(Admin admin, String applicationId, String compoundCommands, String registryTopic, Duration interval) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.compoundCommands = compoundCommands;
        this.registryTopic = registryTopic;
        this.checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-compound-progress");
            t.setDaemon(true);
            return t;
        });
        checks.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void watch(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public long upToDateSince(long now) {
        return upToDateSince;
    }

    private void check() {
        boolean upToDate;
        try {
            upToDate = compoundsDecided() && registryApplied();
        } catch (Exception e) {
            LOG.debug("Compound progress unknown for now: {}", e.getClass().getSimpleName());
            upToDate = false;
        }
        if (!upToDate) {
            upToDateSince = Long.MAX_VALUE;
        } else if (upToDateSince == Long.MAX_VALUE) {
            upToDateSince = System.currentTimeMillis();
        }
    }

    private boolean compoundsDecided() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(compoundCommands)).allTopicNames().get(5, TimeUnit.SECONDS)
                .get(compoundCommands).partitions().stream().map(p -> new TopicPartition(compoundCommands, p.partition())).toList();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(5, TimeUnit.SECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        for (TopicPartition p : partitions) {
            OffsetAndMetadata done = committed.get(p);
            long next = done == null ? 0 : done.offset();
            if (next < ends.get(p)) {
                return false;
            }
        }
        return true;
    }

    /** The global store has read everything committed to the registry (the consumer's own lag, per partition). */
    private boolean registryApplied() {
        KafkaStreams watched = streams;
        if (watched == null) {
            return false;
        }
        long now = System.currentTimeMillis();
        if (registryLags.isEmpty() || lagsFoundIn != watched || now - lagsFoundAt > 5_000) {
            registryLags = findRegistryLags(watched);
            lagsFoundIn = watched;
            lagsFoundAt = now;
        }
        for (Metric lag : registryLags) {
            if (lag.metricValue() instanceof Double value && value > 0) {
                return false;
            }
        }
        return true;
    }

    /** The registry's lag metrics, looked up now and then: a Streams client has thousands of metrics. */
    private List<Metric> findRegistryLags(KafkaStreams watched) {
        String tag = registryTopic.replace('.', '_');
        List<Metric> found = new ArrayList<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : watched.metrics().entrySet()) {
            MetricName name = entry.getKey();
            String topic = name.tags().get("topic");
            if ("records-lag".equals(name.name()) && (registryTopic.equals(topic) || tag.equals(topic))) {
                found.add(entry.getValue());
            }
        }
        return found;
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
