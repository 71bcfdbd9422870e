package org.casetrack.views.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.views.Events.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundView;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.NationalityCounts;
import org.casetrack.avro.UnrepatriatedView;
import org.casetrack.avro.VictimsPerCompoundView;
import org.casetrack.views.domain.CompoundTally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every transition moves a case between counts exactly once, in the stores and on the view topics. */
class CountTransitionsTopologyTest {
    static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    static final LocalDate JAN_17 = LocalDate.of(2026, 1, 17);
    static final LocalDate JAN_19 = LocalDate.of(2026, 1, 19);
    TopologyHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new TopologyHarness(Instant.parse("2026-01-20T05:00:00Z"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CompoundTally.Totals totals(String compoundId) {
        return CompoundTally.totals(h.counts().get(compoundId), null);
    }

    private NationalityCounts nationality(String compoundId, String nationality) {
        CompoundCounts counts = h.counts().get(compoundId);
        return counts == null ? null : counts.getByNationality().get(nationality);
    }

    @Test
    void casesCountUnderTheirCompoundWhetherTheRegistryRecordCameBeforeOrAfter() {
        h.register(registered("gwp", "Great Wall Park", JAN_5));
        h.caseEvent(escape("c1", "gwp", "TH", JAN_17));
        h.caseEvent(escape("c2", "late", "VN", JAN_17));
        h.register(registered("late", "Compound registered after its case", JAN_5));

        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 1, 0, 0));
        assertThat(totals("late")).isEqualTo(new CompoundTally.Totals(1, 1, 0, 0));
        Map<String, CompoundView> compounds = TopologyHarness.latest(h.compoundsView);
        assertThat(compounds.get("late").getRegistered()).isTrue();
        assertThat(compounds.get("late").getName()).isEqualTo("Compound registered after its case");
        assertThat(compounds.get("late").getTotal()).isEqualTo(1);
        assertThat(compounds.get("gwp").getUnrepatriated()).isEqualTo(1);
    }

    @Test
    void aCompoundWithNoCasesShowsZerosAndCasesWithoutCompoundCountUnderUnknown() {
        h.register(registered("empty", "No cases yet", JAN_5));
        h.caseEvent(escape("c1", null, "LA", JAN_17));

        Map<String, CompoundView> compounds = TopologyHarness.latest(h.compoundsView);
        assertThat(compounds.get("empty").getTotal()).isZero();
        assertThat(compounds.get("empty").getRegistered()).isTrue();
        assertThat(compounds.get("UNKNOWN").getRegistered()).isFalse();
        assertThat(compounds.get("UNKNOWN").getTotal()).isEqualTo(1);
        assertThat(totals("UNKNOWN").unrepatriated()).isEqualTo(1);
    }

    @Test
    void identifyingTheCompoundMovesTheCaseOutOfUnknownOnce() {
        h.caseEvent(escape("c1", null, "LA", JAN_17));
        h.caseEvent(compoundIdentified("c1", "gwp"));

        assertThat(h.counts().get("UNKNOWN")).satisfiesAnyOf(c -> assertThat(c).isNull(),
                c -> assertThat(c.getByNationality()).isEmpty());
        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 1, 0, 0));
        UnrepatriatedView all = TopologyHarness.latest(h.unrepatriatedView).get("all");
        assertThat(all.getByCompound()).containsExactly(Map.entry("gwp", 1));
        assertThat(all.getTotal()).isEqualTo(1);
    }

    @Test
    void repatriationMovesTheCaseFromUnrepatriatedToRepatriated() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_17));
        h.caseEvent(escape("c2", "gwp", "TH", JAN_17));
        h.caseEvent(repatriated("c1", JAN_19));

        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(2, 1, 1, 0));
        assertThat(h.dates().get("gwp").getByNationality().get("TH").getUnrepatriatedByEscapeDate())
                .containsExactly(Map.entry("2026-01-17", 1));
        assertThat(nationality("gwp", "TH").getUnrepatriatedByEscapeDate()).as("single-compound counts carry no dates").isEmpty();
        VictimsPerCompoundView victims = TopologyHarness.latest(h.victimsView).get("gwp");
        assertThat(victims.getRepatriated()).isEqualTo(1);
        assertThat(victims.getUnrepatriated()).isEqualTo(1);
        assertThat(TopologyHarness.latest(h.unrepatriatedView).get("all").getTotal()).isEqualTo(1);
    }

    @Test
    void arrestCountsTheCaseAsDetainedAndReleaseEndsIt() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.caseEvent(arrested("c1", JAN_17, DetentionType.IMMIGRATION));
        assertThat(totals("gwp").detained()).isEqualTo(1);

        h.caseEvent(detentionEnded("c1", JAN_19, DetentionOutcome.RELEASED));
        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 1, 0, 0));
        assertThat(TopologyHarness.latest(h.victimsView).get("gwp").getDetained()).isZero();
    }

    @Test
    void chargedPersonsStayDetained() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.caseEvent(arrested("c1", JAN_17, DetentionType.CRIMINAL));
        h.caseEvent(detentionEnded("c1", JAN_19, DetentionOutcome.CHARGED));

        assertThat(totals("gwp").detained()).isEqualTo(1);
    }

    @Test
    void personsArrestedOnReturnCountAsRepatriatedAndDetained() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.caseEvent(repatriated("c1", JAN_17));
        h.caseEvent(arrested("c1", JAN_17, DetentionType.CRIMINAL));

        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 0, 1, 1));
    }

    @Test
    void closingAndReopeningMoveTheCaseOutOfAndBackIntoUnrepatriated() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.caseEvent(closed("c1", JAN_17));
        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 0, 0, 0));
        assertThat(TopologyHarness.latest(h.unrepatriatedView).get("all").getTotal()).isZero();

        h.caseEvent(reopened("c1", JAN_19));
        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 1, 0, 0));
        assertThat(TopologyHarness.latest(h.unrepatriatedView).get("all").getTotal()).isEqualTo(1);
    }

    @Test
    void aRepatriatedCaseClosedAndReopenedStaysRepatriated() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.caseEvent(repatriated("c1", JAN_17));
        h.caseEvent(closed("c1", JAN_19));
        h.caseEvent(reopened("c1", JAN_19));

        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 0, 1, 0));
    }

    @Test
    void correctedNationalityMovesTheCaseBetweenNationalities() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.caseEvent(corrected("c1", "nationality", "LA", "TH"));

        assertThat(nationality("gwp", "TH")).isNull();
        assertThat(nationality("gwp", "LA").getTotal()).isEqualTo(1);
        assertThat(TopologyHarness.latest(h.unrepatriatedView).get("all").getByNationality()).containsExactly(Map.entry("LA", 1));
    }

    @Test
    void correctedCompoundMovesTheCaseBetweenCompounds() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.caseEvent(repatriated("c1", JAN_17));
        h.caseEvent(corrected("c1", "compoundId", "poipet", "gwp"));

        assertThat(totals("gwp").total()).isZero();
        assertThat(totals("poipet")).isEqualTo(new CompoundTally.Totals(1, 0, 1, 0));
        Map<String, VictimsPerCompoundView> victims = TopologyHarness.latest(h.victimsView);
        assertThat(victims.get("gwp").getTotal()).isZero();
        assertThat(victims.get("poipet").getRepatriated()).isEqualTo(1);
    }

    @Test
    void aPersonWhoDoesNotIntendToReturnIsNotUnrepatriatedUntilCorrected() {
        h.caseEvent(escape("c1", "gwp", "MM", JAN_5, false));
        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 0, 0, 0));

        h.caseEvent(corrected("c1", "intendsToReturn", "true", "false"));
        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 1, 0, 0));
    }

    @Test
    void eventsThatChangeNoCountWriteNoViewRecord() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_5));
        h.victimsView.readKeyValuesToList();
        h.unrepatriatedView.readKeyValuesToList();

        h.caseEvent(screened("c1"));
        h.caseEvent(erased("c1", JAN_17));

        assertThat(totals("gwp")).isEqualTo(new CompoundTally.Totals(1, 1, 0, 0));
        assertThat(h.victimsView.isEmpty()).isTrue();
        assertThat(h.unrepatriatedView.isEmpty()).isTrue();
    }

    @Test
    void theLatestHeadcountEstimateStandsBesideTheConfirmedCountsAndIsNotAddedToThem() {
        h.register(withHeadcount(registered("gwp", "Great Wall Park", JAN_5), 150, 250, JAN_17));
        h.caseEvent(escape("c1", "gwp", "TH", JAN_17));

        VictimsPerCompoundView victims = TopologyHarness.latest(h.victimsView).get("gwp");
        assertThat(victims.getTotal()).isEqualTo(1);
        assertThat(victims.getEstimated().getMin()).isEqualTo(150);
        assertThat(victims.getEstimated().getMax()).isEqualTo(250);
    }
}
