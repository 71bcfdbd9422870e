package org.casetrack.views.topology;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.avro.specific.SpecificRecord;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundDelta;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.TimelineDelta;
import org.casetrack.avro.UnrepatriatedTotals;
import org.casetrack.schemas.topics.Topics;
import org.casetrack.views.domain.CaseSummaries;
import org.casetrack.views.domain.CompoundTally;
import org.casetrack.views.domain.Counting;
import org.casetrack.views.domain.Timeline;
import org.casetrack.views.domain.Unrepatriated;
import org.casetrack.views.domain.ViewRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a new views generation from its inputs without replaying them through Kafka Streams: reads
 * every case-events partition from offset 0 to its last committed record, folds the events with the
 * functions the topology uses ({@link CaseSummaries}, {@link Counting}, {@link Timeline} and the fold
 * cells of {@link DeltaFold}), adds the compound events' part of the timeline, and writes the result
 * where the generation's Streams application will find it: each store's changelog (the per-case
 * summaries, counts, unrepatriated cases by escape date, the "all" totals, the timeline and the
 * compound registry as read), the view topics, and the generation's committed offsets on its three
 * inputs. Started afterwards, the application restores its stores from the changelogs and goes on from
 * the seeded offsets; when nothing has arrived since, the generation has caught up already.
 *
 * <p>The result equals a replay: the summaries are per case and each case lives in one partition, and
 * every aggregate downstream is a sum of deltas, which commute (see {@link DeltaFold}). One partition's
 * summaries are held in memory per reader at a time; readers fold partitions in parallel, each into
 * aggregates of its own, which are added up at the end. Undecodable records are skipped and counted (the serving
 * generation has already sent them to the dead-letter topic). Nothing is committed until every record
 * is written; a seed that fails leaves a generation that the next rebuild removes before it starts.
 */
public final class GenerationSeed {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationSeed.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The stores a seed writes, in the order written. */
    public static final List<String> SEEDED_STORES = List.of(ViewsTopology.SUMMARY_STORE, ViewsTopology.COUNTS_STORE,
            ViewsTopology.DATES_STORE, ViewsTopology.UNREPATRIATED_STORE, ViewsTopology.TIMELINE_STORE, ViewsTopology.REGISTRY_STORE);

    /**
     * @param events     case events folded
     * @param skipped    records skipped because they could not be decoded or folded, as the topology skips them
     * @param cases      per-case summaries written
     * @param offsets    the committed offsets on case-events, compound-events and compound-registry the generation goes on from
     */
    public record Result(long events, long skipped, long cases, Map<TopicPartition, Long> offsets, Duration took) {
    }

    /**
     * Where and how to write: the generation's application id and view topics, and the settings of its internal
     * topics (which have as many partitions as case-events, as Kafka Streams gives them).
     */
    public record Target(String applicationId, ViewTopics views, short replicationFactor, int minInsyncReplicas) {
        String changelog(String store) {
            return applicationId + "-" + store + "-changelog";
        }
    }

    private final Topics topics;
    private final ViewSerdes serdes;
    private final Admin admin;
    private final Map<String, Object> clientConfig;
    private final Clock clock;
    private final ZoneId zone;
    private final int readers;
    private final PrintStream out;

    /**
     * @param clientConfig the connection settings of the consumer and producer the seed uses (bootstrap servers and
     *                     security); the seed adds its own
     * @param readers      how many partitions are read and folded at once, each by a thread and consumer of its own
     */
    public GenerationSeed(Topics topics, ViewSerdes serdes, Admin admin, Map<String, Object> clientConfig, Clock clock, ZoneId zone,
                          int readers, PrintStream out) {
        this.topics = topics;
        this.serdes = serdes;
        this.admin = admin;
        this.clientConfig = clientConfig;
        this.clock = clock;
        this.zone = zone;
        this.readers = readers;
        this.out = out;
    }

    public Result seed(Target target) {
        long began = System.nanoTime();
        String caseEvents = topics.caseEvents().name();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
             KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(caseEvents, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                    .toList();
            createChangelogs(target, partitions.size());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long total = partitions.stream().mapToLong(ends::get).sum();
            long readersAt = System.nanoTime();
            long compoundsAt;
            Folded compounds = new Folded();
            Map<TopicPartition, Long> compoundOffsets = new LinkedHashMap<>();
            Map<String, CompoundState> registry = new HashMap<>();
            Writes writes = new Writes(producer);
            AtomicInteger next = new AtomicInteger();
            AtomicLong progress = new AtomicLong();
            int readers = Math.max(1, Math.min(this.readers, partitions.size()));
            List<CompletableFuture<Reader>> running = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(readers, r -> new Thread(r, "views-seed-reader"));
            try {
                for (int i = 0; i < readers; i++) {
                    running.add(CompletableFuture.supplyAsync(() -> {
                        Reader reader = new Reader(target, producer, ends, progress);
                        for (int p = next.getAndIncrement(); p < partitions.size(); p = next.getAndIncrement()) {
                            reader.read(partitions.get(p));
                        }
                        reader.writes.await();
                        reader.cpuNanos = THREADS.getCurrentThreadCpuTime();
                        return reader;
                    }, pool));
                }
                // the compound topics are small: this thread reads them while the readers go through case-events
                compoundOffsets.putAll(compounds.foldCompoundEvents(consumer));
                compoundOffsets.putAll(copyRegistry(consumer, target, writes, registry));
                compoundsAt = System.nanoTime();
                CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
                while (!all.isDone()) {
                    try {
                        all.get(5, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        out.printf(Locale.ROOT, "views seed: %d of %d case events folded (%.0f%%)%n", progress.get(), total,
                                total == 0 ? 100.0 : 100.0 * progress.get() / total);
                    }
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("Views seed failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while seeding the views", e);
            } finally {
                pool.shutdownNow();
            }
            long readAt = System.nanoTime();
            Folded folded = compounds;
            long cases = 0;
            long readersCpu = 0;
            for (CompletableFuture<Reader> r : running) {
                Reader reader = r.join();
                folded.merge(reader.folded);
                cases += reader.cases;
                readersCpu += Math.max(0, reader.cpuNanos);
            }
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            partitions.forEach(p -> offsets.put(p, ends.get(p)));
            offsets.putAll(compoundOffsets);
            folded.write(target, partitions.size(), writes, registry);
            long aggregatesAt = System.nanoTime();
            writes.await();
            commit(target.applicationId(), offsets);
            long doneAt = System.nanoTime();
            out.printf(Locale.ROOT, "views seed: set up %d ms, case events read and folded %d ms by %d readers using %d ms of CPU"
                            + " (compound topics meanwhile %d ms), aggregates %d ms, written and committed %d ms%n", (readersAt - began) / 1_000_000,
                    (readAt - readersAt) / 1_000_000, readers, readersCpu / 1_000_000, (compoundsAt - readersAt) / 1_000_000,
                    (aggregatesAt - readAt) / 1_000_000, (doneAt - aggregatesAt) / 1_000_000);
            if (folded.skipped > 0) {
                LOG.warn("Views seed skipped {} case-events records it could not decode or fold (the serving generation sent them to "
                        + "the dead-letter topic)", folded.skipped);
            }
            return new Result(folded.events, folded.skipped, cases, offsets, Duration.ofNanos(System.nanoTime() - began));
        }
    }

    /** Reads whole partitions one after another, folding into aggregates of its own, and writes each partition's summaries. */
    private final class Reader {
        private final Target target;
        private final Map<TopicPartition, Long> ends;
        private final AtomicLong progress;
        private final Folded folded = new Folded();
        private final Writes writes;
        private final Deserializer<CaseEvent> events = serdes.caseEvents().deserializer();
        private final Serializer<CaseSummary> summaries = serdes.own(CaseSummary.class).serializer();
        private long cases;
        /** The CPU time of the reader's thread, which the seed started for it, when it finished (-1 where the JVM does not measure it). */
        private long cpuNanos = -1;

        Reader(Target target, KafkaProducer<byte[], byte[]> producer, Map<TopicPartition, Long> ends, AtomicLong progress) {
            this.target = target;
            this.ends = ends;
            this.progress = progress;
            this.writes = new Writes(producer);
        }

        void read(TopicPartition partition) {
            String topic = partition.topic();
            Map<String, CaseSummary> byCase = new HashMap<>();
            long end = ends.get(partition);
            long[] reported = {folded.events};
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                readTo(consumer, Map.of(partition, end), record -> folded.fold(record, byCase, events, topic), () -> {
                    progress.addAndGet(folded.events - reported[0]);
                    reported[0] = folded.events;
                });
            }
            String changelog = target.changelog(ViewsTopology.SUMMARY_STORE);
            for (Map.Entry<String, CaseSummary> e : byCase.entrySet()) {
                writes.send(new ProducerRecord<>(changelog, partition.partition(), folded.streamTime, utf8(e.getKey()),
                        summaries.serialize(changelog, e.getValue())));
            }
            cases += byCase.size();
        }
    }

    /** The aggregates, folded across every partition: the pending cells of counts and timeline, as {@link DeltaFold} keeps them. */
    private final class Folded {
        private final CountCells countCells = new CountCells();
        private final TimelineCells timelineCells = new TimelineCells();
        private final Map<String, Map<String, CompoundDelta>> counts = new HashMap<>();
        private final Map<String, Map<String, TimelineDelta>> timeline = new HashMap<>();
        private long events;
        private long skipped;
        private long streamTime = -1;

        void fold(ConsumerRecord<byte[], byte[]> record, Map<String, CaseSummary> summaries, Deserializer<CaseEvent> decoder, String topic) {
            if (record.key() == null || record.value() == null) {
                return;
            }
            String caseId = new String(record.key(), StandardCharsets.UTF_8);
            CaseSummary before = summaries.get(caseId);
            CaseSummary after;
            try {
                CaseEvent event = decoder.deserialize(topic, record.headers(), record.value());
                if (event == null) {
                    return;
                }
                after = CaseSummaries.apply(before, event);
            } catch (RuntimeException e) {
                skipped++;
                return;
            }
            events++;
            streamTime = Math.max(streamTime, record.timestamp());
            if (after == before) {
                return;
            }
            summaries.put(caseId, after);
            for (Counting.Keyed d : Counting.deltas(before, after)) {
                add(counts, countCells, d.compoundId(), d.delta());
            }
            for (Timeline.Keyed d : Timeline.deltas(before, after)) {
                add(timeline, timelineCells, d.day(), d.delta());
            }
        }

        /** Folds every compound event's part of the timeline (discoveries, operator arrests); answers where it stopped. */
        Map<TopicPartition, Long> foldCompoundEvents(KafkaConsumer<byte[], byte[]> consumer) {
            String topic = topics.compoundEvents().name();
            Deserializer<CompoundEvent> decoder = serdes.compoundEvents().deserializer();
            return readAll(consumer, topic, record -> {
                if (record.key() == null || record.value() == null) {
                    return;
                }
                try {
                    CompoundEvent event = decoder.deserialize(topic, record.headers(), record.value());
                    if (event != null) {
                        streamTime = Math.max(streamTime, record.timestamp());
                        Timeline.deltas(event).forEach(d -> add(timeline, timelineCells, d.day(), d.delta()));
                    }
                } catch (RuntimeException e) {
                    skipped++;
                }
            });
        }

        /** Adds another reader's pending cells to these (additions commute). */
        void merge(Folded other) {
            events += other.events;
            skipped += other.skipped;
            streamTime = Math.max(streamTime, other.streamTime);
            mergeCells(counts, other.counts, countCells);
            mergeCells(timeline, other.timeline, timelineCells);
        }

        private static <V> void mergeCells(Map<String, Map<String, V>> into, Map<String, Map<String, V>> from, DeltaFold.Cells<V> cells) {
            from.forEach((key, byCell) -> {
                Map<String, V> target = into.computeIfAbsent(key, k -> new HashMap<>());
                byCell.forEach((cell, part) -> {
                    V sum = target.merge(cell, part, cells::add);
                    if (cells.isZero(sum)) {
                        target.remove(cell);
                    }
                });
            });
        }

        private <V> void add(Map<String, Map<String, V>> pending, DeltaFold.Cells<V> cells, String key, V delta) {
            Map<String, V> byCell = pending.computeIfAbsent(key, k -> new HashMap<>());
            cells.split(delta).forEach((cell, part) -> {
                V sum = byCell.merge(cell, part, cells::add);
                if (cells.isZero(sum)) {
                    byCell.remove(cell);
                }
            });
        }

        /** Applies the pending cells once per key, as the aggregates would, and writes the stores and views. */
        void write(Target target, int partitions, Writes writes, Map<String, CompoundState> registry) {
            long timestamp = streamTime >= 0 ? streamTime : clock.millis();
            Map<String, CompoundCounts> totals = new HashMap<>();
            Map<String, CompoundCounts> dates = new HashMap<>();
            counts.forEach((compoundId, cells) -> {
                if (cells.isEmpty()) {
                    return; // every delta cancelled out: one fold over everything sends nothing
                }
                CompoundCounts total = CompoundTally.empty();
                CompoundCounts unrepatriated = CompoundTally.empty();
                for (CompoundDelta delta : countCells.join(new ArrayList<>(cells.values()))) {
                    total = CompoundTally.apply(compoundId, total, delta);
                    unrepatriated = CompoundTally.applyUnrepatriated(compoundId, unrepatriated, delta);
                }
                totals.put(compoundId, total);
                dates.put(compoundId, unrepatriated);
            });
            UnrepatriatedTotals all = Unrepatriated.empty();
            for (Map.Entry<String, CompoundCounts> e : dates.entrySet()) {
                all = Unrepatriated.add(e.getKey(), e.getValue(), all);
            }
            Map<String, TimelineDay> days = new HashMap<>();
            timeline.forEach((day, cells) -> {
                if (cells.isEmpty()) {
                    return;
                }
                TimelineDay current = null;
                for (TimelineDelta delta : timelineCells.join(new ArrayList<>(cells.values()))) {
                    current = Timeline.apply(day, current, delta);
                }
                days.put(day, current);
            });

            writes.store(target, partitions, ViewsTopology.COUNTS_STORE, totals, serdes.own(CompoundCounts.class).serializer(), timestamp);
            writes.store(target, partitions, ViewsTopology.DATES_STORE, dates, serdes.own(CompoundCounts.class).serializer(), timestamp);
            if (!dates.isEmpty()) {
                writes.store(target, partitions, ViewsTopology.UNREPATRIATED_STORE, Map.of(Unrepatriated.ALL, all),
                        serdes.own(UnrepatriatedTotals.class).serializer(), timestamp);
                writes.view(target.views().unrepatriated().name(), Unrepatriated.ALL,
                        Unrepatriated.view(all, LocalDate.ofInstant(clock.instant(), zone)), timestamp);
            }
            writes.store(target, partitions, ViewsTopology.TIMELINE_STORE, days, serdes.own(TimelineDay.class).serializer(), timestamp);
            Set<String> compounds = new HashSet<>(registry.keySet());
            compounds.addAll(totals.keySet());
            for (String compoundId : compounds) {
                CompoundState state = registry.get(compoundId);
                CompoundCounts c = totals.get(compoundId);
                writes.view(target.views().victimsPerCompound().name(), compoundId, ViewRecords.victims(compoundId, state, c), timestamp);
                writes.view(target.views().compounds().name(), compoundId, ViewRecords.compound(compoundId, state, c), timestamp);
            }
            days.forEach((day, d) -> writes.view(target.views().timeline().name(), day, d, timestamp));
        }
    }

    /** Sends records and remembers their acknowledgements, failing on the first send that failed. */
    private final class Writes {
        private final KafkaProducer<byte[], byte[]> producer;
        private final List<Future<RecordMetadata>> sent = new ArrayList<>();
        private final Map<Class<?>, Serializer<?>> viewSerializers = new HashMap<>();

        Writes(KafkaProducer<byte[], byte[]> producer) {
            this.producer = producer;
        }

        void send(ProducerRecord<byte[], byte[]> record) {
            sent.add(producer.send(record));
            if (sent.size() >= 100_000) {
                await();
            }
        }

        /** A store's records, each in the partition of the task that owns its key after a repartition. */
        <V> void store(Target target, int partitions, String store, Map<String, V> values, Serializer<V> serializer, long timestamp) {
            String changelog = target.changelog(store);
            values.forEach((key, value) -> {
                byte[] keyBytes = utf8(key);
                send(new ProducerRecord<>(changelog, partitionOf(keyBytes, partitions), timestamp, keyBytes,
                        serializer.serialize(changelog, value)));
            });
        }

        @SuppressWarnings("unchecked")
        <V extends SpecificRecord> void view(String topic, String key, V value, long timestamp) {
            Serializer<V> serializer = (Serializer<V>) viewSerializers.computeIfAbsent(value.getClass(), c -> serdes.own(value.getClass()).serializer());
            send(new ProducerRecord<>(topic, null, timestamp, utf8(key), serializer.serialize(topic, value)));
        }

        void await() {
            producer.flush();
            try {
                for (Future<RecordMetadata> f : sent) {
                    f.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("Views seed could not write: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while seeding the views", e);
            }
            sent.clear();
        }
    }

    /** The partition the producer's default partitioner gives a key: the repartition topics' and view topics' placement. */
    static int partitionOf(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Copies the compound registry into the registry store's changelog, record by record in the same
     * partition (a table read from its topic is stored as it comes; records that do not decode are left
     * out, as the topology leaves them out), and collects it as it stands for the pushed views.
     */
    private Map<TopicPartition, Long> copyRegistry(KafkaConsumer<byte[], byte[]> consumer, Target target, Writes writes,
                                                   Map<String, CompoundState> registry) {
        String topic = topics.compoundRegistry().name();
        String changelog = target.changelog(ViewsTopology.REGISTRY_STORE);
        Deserializer<CompoundState> decoder = serdes.registry().deserializer();
        return readAll(consumer, topic, record -> {
            if (record.key() == null) {
                return;
            }
            String id = new String(record.key(), StandardCharsets.UTF_8);
            CompoundState state = null;
            if (record.value() != null) {
                try {
                    state = decoder.deserialize(topic, record.headers(), record.value());
                } catch (RuntimeException e) {
                    return;
                }
            }
            if (state == null) {
                registry.remove(id);
            } else {
                registry.put(id, state);
            }
            writes.send(new ProducerRecord<>(changelog, record.partition(), record.timestamp(), record.key(),
                    state == null ? null : record.value()));
        });
    }

    /** Reads a (small) topic from offset 0 to each partition's last committed record; answers where it stopped. */
    private static Map<TopicPartition, Long> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic,
                                                     Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        readTo(consumer, ends, handler, () -> { });
        return ends;
    }

    /**
     * Reads these partitions from offset 0 up to (not including) the offsets given, handing on every record;
     * {@code afterPoll} runs after each poll. Fails when nothing has come for {@link #TIMEOUT}.
     */
    private static void readTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends,
                               Consumer<ConsumerRecord<byte[], byte[]>> handler, Runnable afterPoll) {
        consumer.assign(ends.keySet());
        consumer.seekToBeginning(ends.keySet());
        long lastProgress = System.nanoTime();
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), TIMEOUT) < e.getValue())) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TIMEOUT.toNanos()) {
                throw new IllegalStateException("Views seed: nothing read from " + ends.keySet() + " for " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    handler.accept(record);
                }
            }
            afterPoll.run();
        }
    }

    /** The changelogs of the seeded stores, as Kafka Streams would create them; an existing one must be empty. */
    private void createChangelogs(Target target, int partitions) {
        Map<String, String> configs = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(target.minInsyncReplicas()),
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");
        List<NewTopic> changelogs = SEEDED_STORES.stream()
                .map(store -> new NewTopic(target.changelog(store), partitions, target.replicationFactor()).configs(configs))
                .toList();
        try {
            var results = admin.createTopics(changelogs).values();
            for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
                try {
                    r.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        throw new IllegalStateException("Changelog " + r.getKey() + " already exists: the generation was not removed first");
                    }
                    throw new IllegalStateException("Cannot create changelog " + r.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating the changelogs of " + target.applicationId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void commit(String applicationId, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((p, o) -> committed.put(p, new OffsetAndMetadata(o)));
        try {
            admin.alterConsumerGroupOffsets(applicationId, committed).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot commit the seeded offsets of " + applicationId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "views-seed-consumer");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "views-seed-producer");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
