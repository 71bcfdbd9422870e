package org.casetrack.views.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.casetrack.avro.CaseContribution;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundDelta;
import org.junit.jupiter.api.Test;

/**
 * A compound's counts end the same whether its contributions arrive one delta at a time or folded into
 * one delta (what the fold before the aggregates and a seeded rebuild rely on), including contributions
 * that cancel out, dates that reach zero and come back, and nationalities that empty and fill again.
 */
class CompoundTallyTest {
    private static final List<String> NATIONALITIES = List.of("TH", "VN", "ID");

    @Test
    void oneFoldedDeltaEqualsItsContributionsOneByOne() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 200; round++) {
            List<CaseContribution> contributions = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                CaseContribution c = contribution(random);
                contributions.add(c);
                if (random.nextInt(3) == 0) {
                    contributions.add(CaseContribution.newBuilder(c).setSign(-c.getSign()).build()); // a later change undoing it
                }
            }
            CompoundCounts start = CompoundTally.applyUnrepatriated("c", CompoundTally.empty(),
                    new CompoundDelta(List.of(contribution(random), contribution(random))));
            CompoundCounts oneByOne = start, totalsOneByOne = CompoundTally.empty();
            for (CaseContribution c : contributions) {
                oneByOne = CompoundTally.applyUnrepatriated("c", oneByOne, new CompoundDelta(List.of(c)));
                totalsOneByOne = CompoundTally.apply("c", totalsOneByOne, new CompoundDelta(List.of(c)));
            }
            assertThat(CompoundTally.applyUnrepatriated("c", start, new CompoundDelta(contributions))).as("round " + round).isEqualTo(oneByOne);
            assertThat(CompoundTally.apply("c", CompoundTally.empty(), new CompoundDelta(contributions))).as("round " + round)
                    .isEqualTo(totalsOneByOne);
        }
    }

    @Test
    void aNationalityWhoseCasesAllLeaveDisappears() {
        CaseContribution in = CaseContribution.newBuilder().setNationality("TH").setSign(1).setUnrepatriated(true)
                .setEscapedOn(LocalDate.of(2026, 1, 5)).build();
        CaseContribution out = CaseContribution.newBuilder(in).setSign(-1).build();
        CompoundCounts counts = CompoundTally.applyUnrepatriated("c", CompoundTally.empty(), new CompoundDelta(List.of(in)));
        assertThat(counts.getByNationality().get("TH").getUnrepatriatedByEscapeDate()).containsEntry("2026-01-05", 1);
        assertThat(CompoundTally.applyUnrepatriated("c", counts, new CompoundDelta(List.of(out))).getByNationality()).isEmpty();
    }

    private static CaseContribution contribution(SplittableRandom random) {
        return CaseContribution.newBuilder().setNationality(NATIONALITIES.get(random.nextInt(NATIONALITIES.size())))
                .setSign(random.nextBoolean() ? 1 : -1).setUnrepatriated(random.nextInt(4) > 0).setRepatriated(random.nextInt(4) == 0)
                .setDetained(random.nextInt(5) == 0)
                .setEscapedOn(random.nextInt(10) == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(5))).build();
    }
}
