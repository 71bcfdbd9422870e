package org.casetrack.views.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.casetrack.views.domain.PublishedCounts;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.Estimate;
import org.casetrack.views.domain.Snapshots.NationalityTally;
import org.casetrack.views.domain.Snapshots.RegistryEntry;
import org.junit.jupiter.api.Test;

/** A coordinator's victims answer, read straight from the totals, is the answer exact published counts give. */
class ExactVictimsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 1);
    private static final List<String> NATIONALITIES = List.of("TH", "VN", "ID", "CN", "MM");

    @Test
    void theShortcutAnswersWhatExactPublishedCountsAnswer() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 500; i++) {
            CompoundSnapshot compound = compound(random, i);
            Map<String, Object> expected = ViewResponses.victims(compound,
                    PublishedCounts.exact(List.of(compound), List.of(), TODAY, null), true);
            assertThat(ViewResponses.exactVictims(compound)).as("compound %d", i).containsExactlyEntriesOf(expected);
        }
    }

    private static CompoundSnapshot compound(SplittableRandom random, int i) {
        Map<String, NationalityTally> tallies = new HashMap<>();
        for (String nationality : NATIONALITIES) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            int repatriated = random.nextInt(20), unrepatriated = random.nextInt(20), other = random.nextInt(5);
            int total = repatriated + unrepatriated + other;
            tallies.put(nationality, new NationalityTally(total, unrepatriated, repatriated, random.nextInt(total + 1),
                    Map.of("2026-01-0" + (1 + random.nextInt(9)), unrepatriated)));
        }
        RegistryEntry registry = random.nextBoolean() ? null : new RegistryEntry("Compound " + i, "KH", "Banteay Meanchey", null, null, null,
                LocalDate.of(2026, 1, 5), "ACTIVE", "CONFIRMED", random.nextInt(4),
                random.nextBoolean() ? null : new Estimate(LocalDate.of(2026, 1, 10), 100, 400));
        return new CompoundSnapshot("cmp-" + i, registry, tallies);
    }
}
