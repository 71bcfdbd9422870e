package org.casetrack.casefiles.projector;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.casefiles.store.BatchWriter;
import org.casetrack.casefiles.store.SchemaSwap;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;

/**
 * Rebuilds casefiles's tables from offset 0: {@code casefiles.rebuild-readers} readers share the
 * partitions of both event topics and read them to their ends (as of the start) into fresh tables in
 * {@code derived_next} with the projector's batch writer (history rows by COPY as they come, each case
 * held in memory and written once at the end, or earlier when a reader holds
 * {@code casefiles.rebuild-cases-in-memory} of them), printing progress;
 * then the tables are made durable and indexed, and swapped into {@code derived}. Undecodable or
 * inapplicable records are counted and skipped (the live projector sent them to the dead letters).
 */
public final class CaseFilesRebuild {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final CaseFilesSettings settings;
    private final String bootstrapServers;
    private final Topics topics;
    private final TopicSerdes serdes;
    private final DataSource dataSource;
    private final PrintStream out;

    public record Result(long records, long skipped, Duration rebuilt, Duration swapped) {
    }

    public CaseFilesRebuild(CaseFilesSettings settings, String bootstrapServers, Topics topics, TopicSerdes serdes, DataSource dataSource,
                            PrintStream out) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.serdes = serdes;
        this.dataSource = dataSource;
        this.out = out;
    }

    public Result run() {
        long started = System.nanoTime();
        SchemaSwap.Indexing indexing = SchemaSwap.prepare(dataSource);
        EventDecoder decoder = new EventDecoder(topics, serdes);
        List<TopicPartition> partitions = new ArrayList<>();
        Map<TopicPartition, Long> end;
        long total;
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : decoder.topics()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
        out.printf("rebuild: reading at most %d events (the count includes commit markers) of %s and %s from offset 0 into %s"
                + " with %d reader(s), each holding up to %d cases in memory%n", total, decoder.topics().get(0), decoder.topics().get(1),
                SchemaSwap.NEXT, settings.rebuildReaders(), settings.rebuildCasesPerReader());
        AtomicLong read = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        read(partitions, end, decoder, read, skipped, total, started, spillKey(indexing));
        out.printf(Locale.ROOT, "rebuild: %d events written in %.1f s (%d skipped); indexing the tables%n",
                read.get(), seconds(started), skipped.get());
        SchemaSwap.index(dataSource, indexing, settings.rebuildReaders(), line -> out.println("rebuild: " + line));
        Duration rebuilt = Duration.ofNanos(System.nanoTime() - started);
        out.printf(Locale.ROOT, "rebuild: done in %.1f s (%.0f events/s overall); swapping the rebuilt tables into derived%n",
                seconds(started), read.get() / seconds(started));
        long swapStarted = System.nanoTime();
        SchemaSwap.swap(dataSource);
        Duration swapped = Duration.ofNanos(System.nanoTime() - swapStarted);
        out.printf("rebuild: swapped in %d ms; the live projector continues from the rebuilt offsets%n", swapped.toMillis());
        return new Result(read.get(), skipped.get(), rebuilt, swapped);
    }

    /** Keys the cases table once, at the first spill of any reader; the others wait for it. */
    private Runnable spillKey(SchemaSwap.Indexing indexing) {
        AtomicBoolean keyed = new AtomicBoolean();
        return () -> {
            synchronized (keyed) {
                if (!keyed.get()) {
                    out.println("rebuild: a reader holds as many cases as it may; keying the cases table for its spills");
                    SchemaSwap.keyForUpserts(dataSource, indexing);
                    keyed.set(true);
                }
            }
        };
    }

    private void read(List<TopicPartition> partitions, Map<TopicPartition, Long> end, EventDecoder decoder, AtomicLong read,
                      AtomicLong skipped, long total, long started, Runnable beforeSpill) {
        int readers = Math.max(1, Math.min(settings.rebuildReaders(), partitions.size()));
        ExecutorService pool = Executors.newFixedThreadPool(readers, r -> new Thread(r, "casefiles-rebuild"));
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                List<TopicPartition> share = new ArrayList<>();
                for (int p = i; p < partitions.size(); p += readers) {
                    share.add(partitions.get(p));
                }
                BatchWriter writer = BatchWriter.bulk(dataSource, SchemaSwap.NEXT, settings.rebuildCasesPerReader(), beforeSpill);
                running.add(pool.submit(new RebuildReader(settings, bootstrapServers, topics.prefix() + "casefiles-rebuild-" + i, share, end,
                        decoder, writer, read, skipped)));
            }
            for (Future<Void> reader : running) {
                while (!done(reader)) {
                    progress(read.get(), total, started);
                }
            }
            progress(read.get(), total, started);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits up to the progress interval for the reader; its failure fails the rebuild. */
    private static boolean done(Future<Void> reader) {
        try {
            reader.get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("A rebuild reader failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding", e);
        }
    }

    private void progress(long read, long total, long started) {
        out.printf(Locale.ROOT, "rebuild: %d events read of at most %d (%.0f%%), %.0f events/s%n", read, total,
                total == 0 ? 100.0 : 100.0 * read / total, read / seconds(started));
    }

    private static double seconds(long started) {
        return Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    }
}
