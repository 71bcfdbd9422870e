package org.casetrack.ledger.config;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.casetrack.ledger.topology.CompoundProgress;

/**
 * The compound side's progress from the ledger's own consumers: up to date when the main consumer's
 * lag on compound-commands and the global consumer's lag on compound-registry are zero on every
 * partition. A lag not measured yet (just started, just rebalanced) counts as behind.
 */
final class ConsumerLagProgress implements CompoundProgress {
    private final Set<String> topics;
    private volatile KafkaStreams streams;
    private long upToDateSince = Long.MAX_VALUE;

    /** @param topics the compound-commands and compound-registry topic names */
    ConsumerLagProgress(Set<String> topics) {
        // consumer metrics name topics with '.' replaced by '_'
        this.topics = topics.stream().flatMap(t -> java.util.stream.Stream.of(t, t.replace('.', '_')))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    void watch(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public synchronized long upToDateSince(long now) {
        if (upToDate()) {
            if (upToDateSince == Long.MAX_VALUE) {
                upToDateSince = now;
            }
        } else {
            upToDateSince = Long.MAX_VALUE;
        }
        return upToDateSince;
    }

    private boolean upToDate() {
        KafkaStreams watched = streams;
        if (watched == null) {
            return false;
        }
        int measured = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : watched.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (!"records-lag".equals(name.name()) || !topics.contains(name.tags().get("topic"))) {
                continue;
            }
            Object value = entry.getValue().metricValue();
            if (!(value instanceof Double lag) || lag.isNaN() || lag > 0) {
                return false;
            }
            measured++;
        }
        return measured > 0;
    }
}
