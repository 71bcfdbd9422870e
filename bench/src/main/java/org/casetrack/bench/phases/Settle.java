package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumer groups are behind their inputs (committed offsets against the last
 * stable offsets), and a bounded wait until they have caught up, so one phase's backlog is not
 * measured in the next.
 */
public final class Settle {
    /** The next offsets a consumer that keeps its position outside Kafka stands at, by partition. */
    public interface Positions {
        Map<TopicPartition, Long> read() throws Exception;
    }

    private record Elsewhere(List<String> topics, Positions positions) {
    }

    private final Admin admin;
    private final PrintStream out;
    private final Map<String, Elsewhere> elsewhere = new HashMap<>();

    public Settle(Admin admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    /**
     * Declares a group that commits no offsets to Kafka (the case-file projector keeps its position in
     * PostgreSQL, in the same transaction as its rows): its lag is measured from {@code positions} over
     * every partition of {@code topics}, a partition without a position counting from offset 0.
     */
    public Settle positionsElsewhere(String group, List<String> topics, Positions positions) {
        elsewhere.put(group, new Elsewhere(List.copyOf(topics), positions));
        return this;
    }

    /** Records the group has not committed yet, over every partition it has committed on (or declared, see above). */
    public long lag(String group) {
        Elsewhere other = elsewhere.get(group);
        try {
            Map<TopicPartition, Long> positions = new HashMap<>();
            if (other != null) {
                Map<TopicPartition, Long> stored = other.positions().read();
                admin.describeTopics(other.topics()).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) -> d.partitions().forEach(p -> {
                    TopicPartition partition = new TopicPartition(name, p.partition());
                    positions.put(partition, stored.getOrDefault(partition, 0L));
                }));
            } else {
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).forEach((p, o) -> {
                    if (o != null) {
                        positions.put(p, o.offset());
                    }
                });
            }
            return behind(positions);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the lag of " + group, e);
        }
    }

    /** Records from each position to its partition's last stable offset. */
    private long behind(Map<TopicPartition, Long> positions) throws Exception {
        if (positions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        positions.keySet().forEach(p -> request.put(p, OffsetSpec.latest()));
        var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var position : positions.entrySet()) {
            // a transactional input ends with a commit marker no reader commits past: one behind counts as caught up
            lag += Math.max(0, ends.get(position.getKey()).offset() - position.getValue() - 1);
        }
        return lag;
    }

    /** Waits until every group is caught up; answers how long it took, or empty when it did not within the limit. */
    public Optional<Duration> await(List<String> groups, Duration atMost) {
        Map<String, Optional<Duration>> each = awaitEach(groups, atMost);
        if (each.values().stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return each.values().stream().map(Optional::get).max(Duration::compareTo);
    }

    /**
     * Waits until every group is caught up; answers, per group, how long it took it to be caught up
     * (first seen with no lag, polled every 250 ms), or empty for a group still behind at the limit.
     */
    public Map<String, Optional<Duration>> awaitEach(List<String> groups, Duration atMost) {
        long started = System.nanoTime();
        Map<String, Optional<Duration>> caughtUp = new LinkedHashMap<>();
        groups.forEach(g -> caughtUp.put(g, Optional.empty()));
        while (true) {
            for (String group : groups) {
                if (caughtUp.get(group).isEmpty() && lag(group) == 0) {
                    caughtUp.put(group, Optional.of(Duration.ofNanos(System.nanoTime() - started)));
                }
            }
            List<String> behind = groups.stream().filter(g -> caughtUp.get(g).isEmpty()).toList();
            if (behind.isEmpty()) {
                return caughtUp;
            }
            if (System.nanoTime() - started > atMost.toNanos()) {
                out.printf("settle: %s still behind after %s; going on%n", behind, atMost);
                return caughtUp;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return caughtUp;
            }
        }
    }
}
