package org.casetrack.views.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.views.Events.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Folded deltas (many events summed per count cell and day, sent on once per fold interval) leave the
 * stores and view topics exactly where one delta per event leaves them, and nothing moves before the
 * interval has passed.
 */
class FoldedDeltasTopologyTest {
    static final Instant NOW = Instant.parse("2026-02-20T05:00:00Z");
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    TopologyHarness oneByOne;
    TopologyHarness folded;
    final Map<String, Map<String, Object>> oneByOneTopics = new TreeMap<>();
    final Map<String, Map<String, Object>> foldedTopics = new TreeMap<>();

    @BeforeEach
    void start() throws Exception {
        oneByOne = new TopologyHarness(NOW, Duration.ZERO, false);
        folded = new TopologyHarness(NOW, Duration.ofSeconds(1), false);
    }

    @AfterEach
    void stop() {
        oneByOne.close();
        folded.close();
    }

    private void both(Consumer<TopologyHarness> input) {
        input.accept(oneByOne);
        input.accept(folded);
    }

    @Test
    void countsWaitForTheFoldIntervalAndThenMatchOneDeltaPerEvent() {
        both(h -> h.register(registered("gwp", "Great Wall Park", JAN_1)));
        both(h -> h.caseEvent(escape("c1", "gwp", "TH", JAN_1.plusDays(3))));
        both(h -> h.caseEvent(escape("c2", "gwp", "VN", JAN_1.plusDays(4))));
        both(h -> h.caseEvent(repatriated("c1", JAN_1.plusDays(9))));

        assertThat(folded.counts().get("gwp")).isNull();
        assertThat(folded.timeline().get(JAN_1.plusDays(3).toString())).isNull();
        folded.fold();
        assertThat(folded.counts().get("gwp")).isEqualTo(oneByOne.counts().get("gwp"));
        assertSameEverywhere();
    }

    @Test
    void manyRandomTransitionsFoldedInBatchesEndWhereOneByOneEnds() {
        Random random = new Random(20260105);
        List<String> compounds = List.of("gwp", "kk", "poipet", "chrey-thom");
        List<String> nationalities = List.of("TH", "VN", "ID", "LA", "CN");
        compounds.forEach(c -> both(h -> h.register(registered(c, "Compound " + c, JAN_1))));
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int kind = cases.isEmpty() ? 0 : random.nextInt(10);
            String caseId = kind == 0 ? "c" + cases.size() : cases.get(random.nextInt(cases.size()));
            LocalDate day = JAN_1.plusDays(random.nextInt(45));
            var event = switch (kind) {
                case 0, 1, 2 -> escape("c" + cases.size(), random.nextInt(8) == 0 ? null : compounds.get(random.nextInt(compounds.size())),
                        nationalities.get(random.nextInt(nationalities.size())), day, random.nextInt(6) != 0);
                case 3 -> repatriated(caseId, day);
                case 4 -> arrested(caseId, day, random.nextBoolean() ? DetentionType.IMMIGRATION : DetentionType.CRIMINAL);
                case 5 -> detentionEnded(caseId, day, DetentionOutcome.RELEASED);
                case 6 -> closed(caseId, day);
                case 7 -> reopened(caseId, day);
                case 8 -> corrected(caseId, "nationality", nationalities.get(random.nextInt(nationalities.size())), "TH");
                default -> corrected(caseId, "compoundId", compounds.get(random.nextInt(compounds.size())), "gwp");
            };
            if (kind <= 2) {
                cases.add("c" + cases.size());
            }
            both(h -> h.caseEvent(event));
            if (random.nextInt(50) == 0) {
                both(h -> h.compoundEvent(operatorArrested(compounds.get(random.nextInt(compounds.size())), day)));
            }
            if (random.nextInt(300) == 0) {
                folded.fold();
                assertSameEverywhere();
            }
        }
        folded.fold();
        assertSameEverywhere();
        assertThat(all(folded.counts())).isNotEmpty();
    }

    private void assertSameEverywhere() {
        assertThat(all(folded.counts())).isEqualTo(all(oneByOne.counts()));
        assertThat(all(folded.dates())).isEqualTo(all(oneByOne.dates()));
        assertThat(all(folded.timeline())).isEqualTo(all(oneByOne.timeline()));
        read(folded, foldedTopics);
        read(oneByOne, oneByOneTopics);
        assertThat(foldedTopics).isEqualTo(oneByOneTopics);
    }

    /** What a reader of each compacted view topic has seen by now (the latest record of every key). */
    private static void read(TopologyHarness h, Map<String, Map<String, Object>> topics) {
        topics.computeIfAbsent("victims", t -> new TreeMap<>()).putAll(TopologyHarness.latest(h.victimsView));
        topics.computeIfAbsent("compounds", t -> new TreeMap<>()).putAll(TopologyHarness.latest(h.compoundsView));
        topics.computeIfAbsent("unrepatriated", t -> new TreeMap<>()).putAll(TopologyHarness.latest(h.unrepatriatedView));
        topics.computeIfAbsent("timeline", t -> new TreeMap<>()).putAll(TopologyHarness.latest(h.timelineView));
    }

    private static <V> Map<String, V> all(KeyValueStore<String, V> store) {
        Map<String, V> all = new TreeMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                all.put(kv.key, kv.value);
            }
        }
        return all;
    }
}
