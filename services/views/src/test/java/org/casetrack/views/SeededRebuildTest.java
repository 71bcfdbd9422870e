package org.casetrack.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casetrack.views.Events.*;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundView;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.UnrepatriatedTotals;
import org.casetrack.avro.UnrepatriatedView;
import org.casetrack.avro.VictimsPerCompoundView;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.views.config.GenerationApp;
import org.casetrack.views.config.Generations;
import org.casetrack.views.config.Rebuild;
import org.casetrack.views.config.ViewsRuntime;
import org.casetrack.views.support.LedgerOutput;
import org.casetrack.views.support.Scenario;
import org.casetrack.views.support.ViewsServer;
import org.casetrack.views.topology.GenerationSeed;
import org.casetrack.views.topology.ViewSerdes;
import org.casetrack.views.topology.ViewTopics;
import org.casetrack.views.topology.ViewsTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded generation holds what a generation replayed through Kafka Streams holds: the same data
 * rebuilt both ways, then every seeded store's changelog and every view topic compared by partition
 * and key, decoded. The data mixes the end-to-end scenario with a few hundred random case histories
 * (every transition the counts know, corrections of compound, nationality and escape date among them)
 * and a poison record. Once with events arriving after the seed, which the generation's Streams
 * application then takes on top of it; once through the rebuild command with nothing arriving, where
 * the seed alone makes the generation.
 */
@ExtendWith(DevStackExtension.class)
class SeededRebuildTest {
    private static final List<String> COMPOUNDS = java.util.Arrays.asList("gwp", "poipet", "bavet", "kampot", "unregistered-1", null);
    private static final int SEEDED_WITH_TAIL = 5;
    private static final List<String> NATIONALITIES = List.of("TH", "VN", "ID", "CN", "MM", "LA", "PH");

    @Test
    void aSeededGenerationEqualsAReplayedOne(TestScope scope) throws Exception {
        ViewsServer.Keys keys = ViewsServer.Keys.generate();
        Map<String, Object> settings = ViewsServer.settings(scope, keys);
        settings.put("casetrack.data-dir", "target/state/" + scope.id() + "/replay");
        settings.put("views.rebuild-seed", false);
        // a rebuild's inputs are read long before its fold stores send their deltas on: it has caught up only once they did
        settings.put("views.rebuild-fold-interval", "3s");
        try (ApplicationContext context = ApplicationContext.run(settings);
             LedgerOutput ledger = new LedgerOutput(scope.bootstrapServers(), scope.topics(), context.getBean(TopicSerdes.class))) {
            ViewsRuntime runtime = context.getBean(ViewsRuntime.class);
            ViewSerdes serdes = ViewSerdes.of(scope.topics(), context.getBean(TopicSerdes.class));
            ledger.sendRaw(scope.topics().caseEvents().name(), "poison", "not avro".getBytes(StandardCharsets.UTF_8));
            Scenario.write(ledger);
            SplittableRandom random = new SplittableRandom(20260105);
            randomHistories(ledger, random, "a", 300);
            ledger.flush();

            // generation 5 is seeded now; more events arrive before its Streams application starts on the seed
            ByteArrayOutputStream seedOutput = new ByteArrayOutputStream();
            GenerationSeed.Result seeded = runtime.seed(SEEDED_WITH_TAIL, new PrintStream(seedOutput, true, StandardCharsets.UTF_8));
            assertThat(seeded.skipped()).as("the poison record").isEqualTo(1);
            assertThat(seeded.cases()).isGreaterThan(300);
            laterEvents(ledger, random, "a", 60);
            randomHistories(ledger, random, "b", 100);
            ledger.compoundEvent(discovered("new-compound", "Compound found late", Scenario.day(0)));
            ledger.register(registered("new-compound", "Compound found late", Scenario.day(0)));
            ledger.flush();

            String printed = rebuild(context);
            assertThat(printed).doesNotContain("seeded from");
            try (GenerationApp tail = runtime.start(SEEDED_WITH_TAIL, Optional.empty(), true)) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> assertSameGenerations(scope, runtime, serdes, 1, SEEDED_WITH_TAIL));
            }
        }

        settings.put("casetrack.data-dir", "target/state/" + scope.id() + "/seed");
        settings.put("views.rebuild-seed", true);
        try (ApplicationContext context = ApplicationContext.run(settings)) {
            String printed = rebuild(context);
            assertThat(printed).contains("views rebuild g2: seeded from").contains("1 records skipped")
                    .contains("caught up").contains("nothing arrived while seeding")
                    .containsPattern("case events read and folded \\d+ ms by 2 readers using \\d+ ms of CPU");
            ViewsRuntime runtime = context.getBean(ViewsRuntime.class);
            assertSameGenerations(scope, runtime, ViewSerdes.of(scope.topics(), context.getBean(TopicSerdes.class)), 1, 2);
        }
    }

    /** Every seeded store's changelog and every view topic of {@code seeded} hold what those of {@code replayed} hold. */
    private static void assertSameGenerations(TestScope scope, ViewsRuntime runtime, ViewSerdes serdes, int replayed, int seeded) {
        String prefix = runtime.applicationId(replayed) + "-";
        List<String> replayedStores = runtime.topicsWithPrefix(prefix).stream().filter(t -> t.endsWith("-changelog"))
                .map(t -> t.substring(prefix.length(), t.length() - "-changelog".length())).toList();
        assertThat(replayedStores).as("every store of the topology is seeded, or transient")
                .containsExactlyInAnyOrderElementsOf(concat(GenerationSeed.SEEDED_STORES,
                        List.of(ViewsTopology.COUNTS_FOLD_STORE, ViewsTopology.TIMELINE_FOLD_STORE)));
        Map<String, Class<? extends SpecificRecord>> stores = Map.of(ViewsTopology.SUMMARY_STORE, CaseSummary.class,
                ViewsTopology.COUNTS_STORE, CompoundCounts.class, ViewsTopology.DATES_STORE, CompoundCounts.class,
                ViewsTopology.UNREPATRIATED_STORE, UnrepatriatedTotals.class, ViewsTopology.TIMELINE_STORE, TimelineDay.class,
                ViewsTopology.REGISTRY_STORE, CompoundState.class);
        assertThat(stores.keySet()).containsExactlyInAnyOrderElementsOf(GenerationSeed.SEEDED_STORES);
        for (var store : stores.entrySet()) {
            Map<String, Object> expected = latest(scope, runtime.applicationId(replayed) + "-" + store.getKey() + "-changelog", serdes,
                    store.getValue());
            assertThat(expected).as(store.getKey() + " replayed").isNotEmpty();
            assertThat(latest(scope, runtime.applicationId(seeded) + "-" + store.getKey() + "-changelog", serdes, store.getValue()))
                    .as(store.getKey() + " seeded against replayed").isEqualTo(expected);
        }
        ViewTopics a = ViewTopics.of(scope.topics(), replayed), b = ViewTopics.of(scope.topics(), seeded);
        assertSameView(scope, serdes, a.victimsPerCompound().name(), b.victimsPerCompound().name(), VictimsPerCompoundView.class);
        assertSameView(scope, serdes, a.compounds().name(), b.compounds().name(), CompoundView.class);
        assertSameView(scope, serdes, a.unrepatriated().name(), b.unrepatriated().name(), UnrepatriatedView.class);
        assertSameView(scope, serdes, a.timeline().name(), b.timeline().name(), TimelineDay.class);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String rebuild(ApplicationContext context) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (Generations generations = context.getBean(ViewsRuntime.class).generations()) {
            new Rebuild(context.getBean(ViewsRuntime.class), generations, new PrintStream(output, true, StandardCharsets.UTF_8),
                    Duration.ofMillis(250)).run(false, Duration.ofMinutes(3));
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        return printed;
    }

    /** Case histories in the shapes the ledger writes: an escape, then transitions in a random order. */
    private static void randomHistories(LedgerOutput ledger, SplittableRandom random, String prefix, int cases) {
        for (int i = 0; i < cases; i++) {
            String id = prefix + "-" + i;
            String compound = COMPOUNDS.get(random.nextInt(COMPOUNDS.size()));
            String nationality = NATIONALITIES.get(random.nextInt(NATIONALITIES.size()));
            LocalDate escaped = Scenario.day(1 + random.nextInt(150));
            ledger.caseEvent(escape(id, compound, nationality, escaped, random.nextBoolean()));
            transitions(ledger, random, id, compound, nationality, escaped, random.nextInt(6));
        }
    }

    /** Later events of cases already written (their escape was some time before the dates given here). */
    private static void laterEvents(LedgerOutput ledger, SplittableRandom random, String prefix, int cases) {
        for (int i = 0; i < cases; i++) {
            transitions(ledger, random, prefix + "-" + i, COMPOUNDS.get(random.nextInt(COMPOUNDS.size())),
                    NATIONALITIES.get(random.nextInt(NATIONALITIES.size())), Scenario.day(1 + random.nextInt(150)), 1 + random.nextInt(3));
        }
    }

    private static void transitions(LedgerOutput ledger, SplittableRandom random, String id, String compound, String nationality,
                                    LocalDate escaped, int steps) {
        for (int s = 0; s < steps; s++) {
            LocalDate on = escaped.plusDays(1 + random.nextInt(3) + s);
            switch (random.nextInt(11)) {
                case 0 -> ledger.caseEvent(repatriated(id, on));
                case 1 -> ledger.caseEvent(arrested(id, on, random.nextBoolean() ? DetentionType.CRIMINAL : DetentionType.IMMIGRATION));
                case 2 -> ledger.caseEvent(detentionEnded(id, on, DetentionOutcome.RELEASED));
                case 3 -> ledger.caseEvent(closed(id, on));
                case 4 -> ledger.caseEvent(reopened(id, on));
                case 5 -> ledger.caseEvent(corrected(id, "nationality", NATIONALITIES.get(random.nextInt(NATIONALITIES.size())), nationality));
                case 6 -> ledger.caseEvent(corrected(id, "compoundId", "bavet", compound));
                case 7 -> ledger.caseEvent(corrected(id, "escapedOn", Scenario.day(1 + random.nextInt(150)).toString(), escaped.toString()));
                case 8 -> ledger.caseEvent(compoundIdentified(id, "kampot"));
                case 9 -> ledger.caseEvent(screened(id));
                default -> ledger.caseEvent(erased(id, on));
            }
        }
    }

    private static <V extends SpecificRecord> void assertSameView(TestScope scope, ViewSerdes serdes, String replayedTopic, String seededTopic,
                                                                 Class<V> type) {
        Map<String, Object> replayed = latest(scope, replayedTopic, serdes, type);
        assertThat(replayed).as(replayedTopic).isNotEmpty();
        assertThat(latest(scope, seededTopic, serdes, type)).as(seededTopic + " against " + replayedTopic).isEqualTo(replayed);
    }

    /**
     * Every key's last value on a topic, decoded, by partition and key (a record in another partition than
     * the replay's would sit in another task's store); a tombstone removes the key.
     */
    private static Map<String, Object> latest(TestScope scope, String topic, ViewSerdes serdes, Class<? extends SpecificRecord> type) {
        Deserializer<? extends SpecificRecord> decoder = serdes.own(type).deserializer();
        Map<String, Object> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>(consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("read " + topic + " to its end").isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = r.partition() + ":" + r.key();
                    if (r.value() == null) {
                        latest.remove(key);
                    } else {
                        latest.put(key, decoder.deserialize(topic, r.value()));
                    }
                }
            }
        }
        return latest;
    }
}
