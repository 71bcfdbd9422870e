package org.casetrack.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What a Kafka Streams application did during a phase, from its own metrics: transactions committed and
 * the time the stream thread spent committing them and flushing its sends before each commit (under
 * exactly-once the thread processes nothing meanwhile), records processed and sent, and sends retried
 * (CONCURRENT_TRANSACTIONS while the previous commit's markers are written, each retry after a backoff).
 */
public record StreamsActivity(double commits, double commitSeconds, double flushSeconds, double processed, double sent, double retries) {
    private static final String THREAD = "stream-thread-metrics", PRODUCER = "producer-metrics";

    public static StreamsActivity of(KafkaStreams streams) {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return new StreamsActivity(sum(metrics, THREAD, "commit-total"), sum(metrics, PRODUCER, "txn-commit-time-ns-total") / 1e9,
                sum(metrics, PRODUCER, "flush-time-ns-total") / 1e9, sum(metrics, THREAD, "process-total"), sum(metrics, PRODUCER, "record-send-total"), sum(metrics, PRODUCER, "record-retry-total"));
    }

    public StreamsActivity since(StreamsActivity start) {
        return new StreamsActivity(commits - start.commits, commitSeconds - start.commitSeconds, flushSeconds - start.flushSeconds,
                processed - start.processed,
                sent - start.sent, retries - start.retries);
    }

    /** Records sent (to output topics and changelogs alike) per record processed; NaN when none was processed. */
    public double sentPerProcessed() {
        return processed > 0 ? sent / processed : Double.NaN;
    }

    /** Milliseconds the stream thread spent flushing its sends and committing, per commit; NaN without commits. */
    public double blockedMillisPerCommit() {
        return commits > 0 ? (commitSeconds + flushSeconds) * 1000 / commits : Double.NaN;
    }

    public static Map<String, StreamsActivity> since(Map<String, StreamsActivity> start, Map<String, KafkaStreams> apps) {
        Map<String, StreamsActivity> activity = new LinkedHashMap<>();
        apps.forEach((name, streams) -> {
            if (start.containsKey(name)) {
                activity.put(name, of(streams).since(start.get(name)));
            }
        });
        return activity;
    }

    private static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> m : metrics.entrySet()) {
            if (m.getKey().group().equals(group) && m.getKey().name().equals(name) && m.getValue().metricValue() instanceof Number n
                    && !Double.isNaN(n.doubleValue())) {
                total += n.doubleValue();
            }
        }
        return total;
    }
}
