package org.casetrack.views.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.Whereabouts;
import org.casetrack.views.Events;
import org.junit.jupiter.api.Test;

/** Events that change nothing a count reads give back the summary they were applied to; the others a new version. */
class CaseSummariesTest {
    private static final LocalDate ESCAPED = LocalDate.of(2026, 1, 10);

    private static CaseSummary opened() {
        return CaseSummaries.apply(null, Events.escape("case-1", "cmp-1", "TH", ESCAPED));
    }

    @Test
    void anEscapeOpensTheSummaryAtVersionOne() {
        CaseSummary s = opened();

        assertThat(s.getOpened()).isTrue();
        assertThat(s.getNationality()).isEqualTo("TH");
        assertThat(s.getVersion()).isEqualTo(1);
    }

    @Test
    void eventsThatChangeNoCountGiveBackTheSameSummary() {
        CaseSummary s = opened();

        assertThat(CaseSummaries.apply(s, Events.screened("case-1"))).isSameAs(s);
        assertThat(CaseSummaries.apply(s, Events.erased("case-1", ESCAPED.plusDays(3)))).isSameAs(s);
        assertThat(CaseSummaries.apply(s, Events.compoundIdentified("case-1", "cmp-1"))).as("the compound it already names").isSameAs(s);
        assertThat(CaseSummaries.apply(s, Events.corrected("case-1", "nationality", "th", "TH"))).as("the nationality it has").isSameAs(s);
        assertThat(CaseSummaries.apply(s, Events.detentionEnded("case-1", ESCAPED.plusDays(2), DetentionOutcome.RELEASED)))
                .as("a detention that never began").isSameAs(s);
        assertThat(CaseSummaries.apply(s, Events.reopened("case-1", ESCAPED.plusDays(2)))).as("reopening an open case").isSameAs(s);
    }

    @Test
    void eventsBeforeTheEscapeAreNotKept() {
        assertThat(CaseSummaries.apply(null, Events.repatriated("case-1", ESCAPED))).isNull();
        assertThat(CaseSummaries.apply(null, Events.arrested("case-1", ESCAPED, DetentionType.CRIMINAL))).isNull();
    }

    @Test
    void eachChangeIsANewSummaryOneVersionOn() {
        CaseSummary s = opened();
        CaseSummary arrested = CaseSummaries.apply(s, Events.arrested("case-1", ESCAPED.plusDays(1), DetentionType.CRIMINAL));
        CaseSummary twice = CaseSummaries.apply(arrested, Events.arrested("case-1", ESCAPED.plusDays(1), DetentionType.CRIMINAL));
        CaseSummary closed = CaseSummaries.apply(twice, Events.closed("case-1", ESCAPED.plusDays(5)));
        CaseSummary closedAgain = CaseSummaries.apply(closed, Events.closed("case-1", ESCAPED.plusDays(6)));

        assertThat(arrested).isNotSameAs(s);
        assertThat(arrested.getWhereabouts()).isEqualTo(Whereabouts.CRIMINAL_DETENTION);
        assertThat(arrested.getVersion()).isEqualTo(2);
        assertThat(twice.getArrestedOn()).as("a second arrest on the same day is a second arrest").hasSize(2);
        assertThat(twice.getVersion()).isEqualTo(3);
        assertThat(closed.getLifecycle()).isEqualTo(Lifecycle.CLOSED);
        assertThat(closed.getVersion()).isEqualTo(4);
        assertThat(closedAgain).isSameAs(closed);
        assertThat(s.getVersion()).as("the summary applied to is left as it was").isEqualTo(1);
    }
}
