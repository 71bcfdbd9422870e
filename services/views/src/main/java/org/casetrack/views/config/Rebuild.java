package org.casetrack.views.config;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.casetrack.avro.ViewGeneration;
import org.casetrack.views.topology.GenerationSeed;
import org.casetrack.views.topology.ViewsTopology;

/**
 * Builds the next generation of the views from offset 0 under a new application id, printing
 * progress, until it has caught up with its inputs: seeded from them first (unless
 * {@code views.rebuild-seed} is false, see {@link GenerationSeed}), and then, if anything arrived while
 * seeding or without a seed, by its Streams application; then makes it current on the control topic (every
 * serving instance switches to it) and, optionally, waits until every instance has left the old
 * generation and its topics are removed.
 */
public final class Rebuild {
    private final ViewsRuntime runtime;
    private final Generations generations;
    private final PrintStream out;
    private final Duration progressEvery;
    private final Lag lag;

    public record Result(int from, int to, long records, Duration took, List<String> removed) {
    }

    public Rebuild(ViewsRuntime runtime, Generations generations, PrintStream out, Duration progressEvery) {
        this.runtime = runtime;
        this.generations = generations;
        this.out = out;
        this.progressEvery = progressEvery;
        this.lag = new Lag(runtime.admin());
    }

    public Result run(boolean waitForSwitch, Duration timeout) throws InterruptedException {
        int from = generations.current(Duration.ofSeconds(30)).map(ViewGeneration::getGeneration).orElse(0);
        int to = from + 1;
        if (!runtime.isAbandoned(to)) {
            throw new IllegalStateException("Generation " + to + " is already running somewhere (another rebuild?)");
        }
        List<String> inputs = List.of(runtime.topics().caseEvents().name(), runtime.topics().compoundEvents().name(),
                runtime.topics().compoundRegistry().name());
        List<TopicPartition> inputPartitions = lag.partitions(inputs);
        Map<TopicPartition, Long> start = lag.offsets(inputPartitions, false);
        Map<TopicPartition, Long> end = lag.offsets(inputPartitions, true);
        long toRead = inputPartitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
        out.printf(Locale.ROOT, "views rebuild: generation %d -> %d, application id %s, %d records to read%n", from, to,
                runtime.applicationId(to), toRead);
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        long read = 0;
        boolean caughtUp = false;
        if (runtime.settings().rebuildSeed()) {
            GenerationSeed.Result seeded = runtime.seed(to, out);
            out.printf(Locale.ROOT, "views rebuild g%d: seeded from %d case events (%d cases) in %d ms, %.0f events/s%s%n", to,
                    seeded.events(), seeded.cases(), seeded.took().toMillis(), seeded.events() / Math.max(1e-9, seeded.took().toNanos() / 1e9),
                    seeded.skipped() == 0 ? "" : ", " + seeded.skipped() + " records skipped (undecodable)");
            read = inputPartitions.stream().mapToLong(p -> Math.max(0, seeded.offsets().getOrDefault(p, start.get(p)) - start.get(p))).sum();
            Map<TopicPartition, Long> now = lag.offsets(inputPartitions, true);
            caughtUp = inputPartitions.stream().allMatch(p -> now.get(p) <= seeded.offsets().getOrDefault(p, -1L));
            if (caughtUp) {
                out.printf(Locale.ROOT, "views rebuild g%d: caught up, %d records in %d ms (nothing arrived while seeding)%n", to, read,
                        (System.nanoTime() - began) / 1_000_000);
            } else {
                out.printf(Locale.ROOT, "views rebuild g%d: records arrived while seeding; starting its Streams application on the seed%n", to);
            }
        }
        if (!caughtUp) {
            read = replay(to, inputs, inputPartitions, start, toRead, began, deadline);
        }
        generations.publish(to);
        out.printf(Locale.ROOT, "views rebuild: generation %d is current; serving instances switch to it%n", to);
        List<String> removed = List.of();
        if (waitForSwitch && from > 0) {
            while (!runtime.isAbandoned(from)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Instances still run generation " + from + " after " + timeout);
                }
                pause();
            }
            removed = runtime.remove(from);
            out.printf(Locale.ROOT, "views rebuild: every instance left generation %d; removed its %d topics%n", from, removed.size());
        }
        return new Result(from, to, read, Duration.ofNanos(System.nanoTime() - began), removed);
    }

    /** Runs the generation's Streams application until it has caught up with its inputs; answers the records read. */
    private long replay(int to, List<String> inputs, List<TopicPartition> inputPartitions, Map<TopicPartition, Long> start, long toRead,
                        long began, long deadline) throws InterruptedException {
        long read = 0;
        try (GenerationApp app = runtime.start(to, Optional.empty(), true)) {
            long lastRead = 0, lastAt = began;
            Map<TopicPartition, Long> previous = Map.of();
            while (true) {
                pause();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Generation " + to + " did not catch up in time");
                }
                if (app.app().lastError() != null && !app.isRunning()) {
                    throw new IllegalStateException("Generation " + to + " failed", app.app().lastError());
                }
                Map<TopicPartition, Long> committed = lag.committed(app.applicationId());
                read = inputPartitions.stream().mapToLong(p -> Math.max(0, committed.getOrDefault(p, start.get(p)) - start.get(p))).sum();
                long now = System.nanoTime();
                double rate = (read - lastRead) / Math.max(1e-9, (now - lastAt) / 1e9);
                out.printf(Locale.ROOT, "views rebuild g%d: read %d of %d records (%.0f%%), %.0f events/s%n", to, read, toRead,
                        toRead == 0 ? 100.0 : 100.0 * Math.min(read, toRead) / toRead, rate);
                lastRead = read;
                lastAt = now;
                if (app.isRunning() && caughtUp(app, inputs, committed, previous)) {
                    break;
                }
                previous = committed;
            }
            out.printf(Locale.ROOT, "views rebuild g%d: caught up, %d records in %d ms%n", to, read, (System.nanoTime() - began) / 1_000_000);
        }
        return read;
    }

    /** Paces the progress output (one line per interval). */
    private synchronized void pause() throws InterruptedException {
        wait(progressEvery.toMillis());
    }

    /**
     * Everything read has reached the generation's stores: lag 0 on the inputs and the repartition
     * topics, no delta waiting in a fold store for its next send, and no transaction of the
     * generation's own open on a repartition topic (a fold's last send, not yet visible to a
     * read_committed reader, so not yet lag either). {@code committed} is read before this looks at
     * the fold stores: an input record consumed after that shows as lag, and a delta sent after it
     * shows as lag or as an open transaction. A transactional input ends with a commit marker that a
     * reader may not have committed past yet, so a lag of at most one that no longer moves, with
     * nothing left to fetch, counts as caught up too.
     */
    private boolean caughtUp(GenerationApp app, List<String> inputs, Map<TopicPartition, Long> committed,
                             Map<TopicPartition, Long> previous) {
        if (!foldStoresEmpty(app)) {
            return false;
        }
        List<String> repartitionTopics = repartitionTopics(app);
        List<String> topics = new ArrayList<>(inputs);
        topics.addAll(repartitionTopics);
        List<TopicPartition> partitions = lag.partitions(topics);
        List<TopicPartition> repartitions = partitions.stream().filter(p -> repartitionTopics.contains(p.topic())).toList();
        Map<TopicPartition, Long> end = lag.offsets(partitions, true);
        Map<TopicPartition, Long> written = lag.highWatermarks(repartitions);
        if (repartitions.stream().anyMatch(p -> written.get(p) > end.get(p))) {
            return false;
        }
        boolean exact = true, nearly = true;
        for (TopicPartition p : partitions) {
            long behind = end.get(p) - committed.getOrDefault(p, 0L);
            exact &= behind <= 0;
            nearly &= behind <= 1 && committed.getOrDefault(p, -1L).equals(previous.get(p) == null ? -2L : previous.get(p));
        }
        return exact || (nearly && nothingToFetch(app));
    }

    /** No count or timeline delta waits in the generation's fold stores (true at once when it does not fold). */
    private boolean foldStoresEmpty(GenerationApp app) {
        if (runtime.settings().rebuildFoldInterval().isZero()) {
            return true;
        }
        try {
            for (String store : List.of(ViewsTopology.COUNTS_FOLD_STORE, ViewsTopology.TIMELINE_FOLD_STORE)) {
                ReadOnlyKeyValueStore<Object, Object> pending = app.streams().store(
                        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
                try (KeyValueIterator<Object, Object> all = pending.all()) {
                    if (all.hasNext()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InvalidStateStoreException e) {
            return false; // rebalancing or restoring: asked again at the next progress line
        }
    }

    private List<String> repartitionTopics(GenerationApp app) {
        return runtime.topicsWithPrefix(app.applicationId() + "-").stream().filter(t -> t.endsWith("-repartition")).toList();
    }

    private static boolean nothingToFetch(GenerationApp app) {
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> m : app.streams().metrics().entrySet()) {
            if (m.getKey().name().equals("records-lag-max") && m.getKey().group().equals("consumer-fetch-manager-metrics")
                    && !String.valueOf(m.getKey().tags().get("client-id")).endsWith("restore-consumer")) {
                Object value = m.getValue().metricValue();
                if (!(value instanceof Double d) || d.isNaN() || d > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
