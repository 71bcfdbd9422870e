package org.casetrack.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.casetrack.avro.EscapeReported;
import org.casetrack.schemas.crypto.DataKey;
import org.junit.jupiter.api.Test;

/** The generated history looks like the field and like the ledger's output, and is the same for the same seed. */
class EventGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 25);
    private static final List<String> COMPOUNDS = IntStream.range(0, 300).mapToObj(i -> "compound-" + i).toList();

    private static List<GeneratedEvent> generate(long seed, int count) {
        EventGenerator generator = new EventGenerator(new FieldModel(COMPOUNDS.size()), COMPOUNDS, count, seed, TODAY, DataKey.generate());
        List<GeneratedEvent> events = new ArrayList<>();
        generator.forEachRemaining(events::add);
        return events;
    }

    @Test
    void sameSeedGivesTheSameEventsSoPostgresGetsWhatKafkaGot() {
        List<GeneratedEvent> first = generate(42, 5000), second = generate(42, 5000);
        assertThat(first).hasSize(5000);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).caseId()).isEqualTo(first.get(i).caseId());
            assertThat(second.get(i).type()).isEqualTo(first.get(i).type());
            assertThat(second.get(i).event().getMetadata().getEventId()).isEqualTo(first.get(i).event().getMetadata().getEventId());
        }
        assertThat(generate(43, 100).get(0).caseId()).isNotEqualTo(first.get(0).caseId());
    }

    @Test
    void everyCaseOpensWithItsEscapeAndItsFollowUpsComeInOrder() {
        Map<String, List<GeneratedEvent>> byCase = new HashMap<>();
        generate(7, 20_000).forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
        for (List<GeneratedEvent> events : byCase.values()) {
            assertThat(events.get(0).type()).isEqualTo("EscapeReported");
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).isEqualTo(i + 1);
                assertThat(events.get(i).event().getMetadata().getAggregateId()).isEqualTo(events.get(i).caseId());
            }
            List<String> types = events.stream().map(GeneratedEvent::type).toList();
            if (types.contains("RepatriationCompleted")) {
                assertThat(types.indexOf("RepatriationScheduled")).isBetween(0, types.indexOf("RepatriationCompleted"));
            }
            if (types.contains("DetentionEnded")) {
                assertThat(types.indexOf("ArrestReported")).isBetween(0, types.indexOf("DetentionEnded"));
            }
            if (types.contains("CaseClosed")) {
                assertThat(types.get(types.size() - 1)).isEqualTo("CaseClosed");
            }
        }
        assertThat(byCase.values().stream().flatMap(List::stream).map(GeneratedEvent::type).distinct())
                .contains("EscapeReported", "ScreeningRecorded", "ArrestReported", "DetentionEnded", "RepatriationScheduled",
                        "RepatriationCompleted", "CaseClosed", "CaseCompoundIdentified", "ReferralMade", "ConsentRecorded");
    }

    @Test
    void peopleComeOutOfAFewCompoundsInGroupsOfOneToFortyWithSomeReportsLate() {
        Map<String, Integer> perCompound = new HashMap<>();
        Map<java.util.UUID, Integer> groups = new HashMap<>();
        int late = 0, escapes = 0;
        for (GeneratedEvent e : generate(11, 50_000)) {
            if (e.event().getPayload() instanceof EscapeReported escape) {
                escapes++;
                if (escape.getCompoundId() != null) {
                    perCompound.merge(escape.getCompoundId(), 1, Integer::sum);
                }
                groups.put(escape.getReportId(), escape.getGroupSize());
                assertThat(escape.getPersonal()).as("personal data travels sealed").isNotNull();
                if (escape.getEscapedOn().isBefore(e.occurredOn().minusDays(20))) {
                    late++;
                }
            }
        }
        int largest = perCompound.values().stream().max(Integer::compare).orElseThrow();
        assertThat(largest).as("the biggest compound against an even spread").isGreaterThan(10 * escapes / COMPOUNDS.size());
        assertThat(groups.values()).allMatch(size -> size >= 1 && size <= 40);
        assertThat(groups.values()).contains(1).anyMatch(size -> size >= 20);
        assertThat(late).as("late reports").isGreaterThan(0);
    }
}
