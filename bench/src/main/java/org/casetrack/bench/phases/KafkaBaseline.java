package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own measure of the same broker (kafka-tools 4.3.1, each tool a child JVM): producer
 * throughput flat out and latency at the intake's fixed rates (ProducerPerformance, acks=all like
 * casetrack), consumer throughput (ConsumerPerformance), and produce-to-consume latency one record at
 * a time (EndToEndLatency), with records of the size of casetrack's events.
 */
public final class KafkaBaseline {
    /** ProducerPerformance's summary line; with --warmup-records it prints a second one for the records after the warm-up. */
    private static final Pattern PRODUCED = Pattern.compile("(\\d+)( steady state)? records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    /** How long ProducerPerformance sends at a fixed rate before what it measures: its own JVM warms up meanwhile. */
    public static final Duration AT_RATE_WARMUP = Duration.ofSeconds(5);
    private static final Pattern E2E_PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern E2E_AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");

    /** One ProducerPerformance run: its throughput and send-to-acknowledgement latency in ms. */
    public record Produced(double recordsPerSecond, double megabytesPerSecond, double p50, double p99, double p999) {
    }

    public record Result(int recordSize, long records, Produced flatOut, Map<Integer, Produced> atRates, double consumedPerSecond,
                         double consumedMegabytesPerSecond, double e2eAverage, double e2eP50, double e2eP99, double e2eP999) {
    }

    private final String bootstrapServers;
    private final String prefix;
    private final Admin admin;
    private final int partitions;
    private final PrintStream out;

    public KafkaBaseline(String bootstrapServers, String prefix, Admin admin, int partitions, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.prefix = prefix;
        this.admin = admin;
        this.partitions = partitions;
        this.out = out;
    }

    public Result run(int recordSize, long records, List<Integer> rates, Duration atRateFor, int e2eRecords) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = prefix + "bench-baseline-" + suffix;
        String e2eTopic = prefix + "bench-e2e-" + suffix;
        createTopics(List.of(new NewTopic(topic, partitions, (short) 1), new NewTopic(e2eTopic, 1, (short) 1)));
        out.printf("kafka baseline: ProducerPerformance, %d records of %d bytes, acks=all, flat out%n", records, recordSize);
        Produced flatOut = produce(topic, records, -1, recordSize, 0);
        out.printf("kafka baseline: ConsumerPerformance, %d records%n", records);
        double[] consumed = consume(topic, records);
        Map<Integer, Produced> atRates = new LinkedHashMap<>();
        for (int rate : rates) {
            long count = Math.max(100, rate * atRateFor.toSeconds());
            long warmup = rate * AT_RATE_WARMUP.toSeconds();
            out.printf("kafka baseline: ProducerPerformance at %d records/s for %d s after %d s unmeasured%n", rate, atRateFor.toSeconds(),
                    AT_RATE_WARMUP.toSeconds());
            atRates.put(rate, produce(topic, warmup + count, rate, recordSize, warmup));
        }
        out.printf("kafka baseline: EndToEndLatency, %d round trips%n", e2eRecords);
        List<String> e2e = ToolProcess.run("org.apache.kafka.tools.EndToEndLatency", List.of("--bootstrap-server", bootstrapServers,
                "--topic", e2eTopic, "--num-records", Integer.toString(e2eRecords), "--producer-acks", "all",
                "--record-size", Integer.toString(recordSize)), Duration.ofMinutes(10), out);
        Matcher percentiles = last(e2e, E2E_PERCENTILES);
        Matcher average = last(e2e, E2E_AVERAGE);
        deleteTopics(List.of(topic, e2eTopic));
        return new Result(recordSize, records, flatOut, atRates, consumed[0], consumed[1], Double.parseDouble(average.group(1)),
                Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)), Double.parseDouble(percentiles.group(3)));
    }

    private Produced produce(String topic, long records, int throughput, int recordSize, long warmupRecords) {
        List<String> arguments = new ArrayList<>(List.of("--bootstrap-server", bootstrapServers,
                "--topic", topic, "--num-records", Long.toString(records), "--throughput", Integer.toString(throughput),
                "--record-size", Integer.toString(recordSize), "--reporting-interval", "2000"));
        if (warmupRecords > 0) {
            arguments.addAll(List.of("--warmup-records", Long.toString(warmupRecords)));
        }
        arguments.addAll(List.of("--command-property", "acks=all", "client.id=bench-producer-performance"));
        return produced(ToolProcess.run("org.apache.kafka.tools.ProducerPerformance", arguments, Duration.ofMinutes(20), out), warmupRecords > 0);
    }

    /**
     * The figures of ProducerPerformance's output: its last summary line, or with a warm-up its steady-state one (the
     * records after the warm-up), which must then be there.
     */
    static Produced produced(List<String> lines, boolean steadyState) {
        Matcher found = lastMatching(lines, PRODUCED, m -> (m.group(2) != null) == steadyState);
        if (found == null) {
            throw new IllegalStateException("ProducerPerformance printed no " + (steadyState ? "steady-state " : "") + "summary line");
        }
        return new Produced(Double.parseDouble(found.group(3)), Double.parseDouble(found.group(4)), Double.parseDouble(found.group(7)),
                Double.parseDouble(found.group(9)), Double.parseDouble(found.group(10)));
    }

    /** records/s and MB/s while fetching (ConsumerPerformance's fetch.nMsg.sec and fetch.MB.sec, without the group join). */
    private double[] consume(String topic, long records) {
        List<String> lines = ToolProcess.run("org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server", bootstrapServers,
                "--topic", topic, "--num-records", Long.toString(records), "--timeout", "30000",
                "--group", prefix + "bench-consumer-performance-" + UUID.randomUUID()), Duration.ofMinutes(20), out);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("start.time")) {
                String[] fields = lines.get(i + 1).split(",\\s*");
                return new double[] {Double.parseDouble(fields[9]), Double.parseDouble(fields[8])};
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result");
    }

    private static Matcher last(List<String> lines, Pattern pattern) {
        Matcher found = lastMatching(lines, pattern, m -> true);
        if (found == null) {
            throw new IllegalStateException("No line matching " + pattern.pattern() + " in the tool's output");
        }
        return found;
    }

    /** The last line's match of the pattern that the filter accepts; null if none. */
    private static Matcher lastMatching(List<String> lines, Pattern pattern, Predicate<Matcher> accepted) {
        Matcher found = null;
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find() && accepted.test(m)) {
                found = m;
            }
        }
        return found;
    }

    private void createTopics(List<NewTopic> topics) {
        try {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the baseline topics", e);
        }
    }

    private void deleteTopics(List<String> topics) {
        try {
            admin.deleteTopics(new ArrayList<>(topics)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            out.println("kafka baseline: could not delete the baseline topics: " + e.getClass().getSimpleName());
        }
    }
}
