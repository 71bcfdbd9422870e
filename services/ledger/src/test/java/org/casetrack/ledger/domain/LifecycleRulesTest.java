package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.ledger.domain.CaseHistory.given;
import static org.casetrack.ledger.domain.CaseHistory.rejected;
import static org.casetrack.ledger.fixtures.Commands.ESCAPED_ON;
import static org.casetrack.ledger.fixtures.Commands.TODAY;

import java.time.LocalDate;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CloseCase;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.MakeReferral;
import org.casetrack.avro.RecordPersonalDataErasure;
import org.casetrack.avro.RecordRepatriation;
import org.casetrack.avro.ReopenCase;
import org.casetrack.avro.RepatriationMode;
import org.casetrack.avro.ScheduleRepatriation;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.Whereabouts;
import org.casetrack.ledger.fixtures.Events;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {
    private static final LocalDate REPATRIATED_ON = ESCAPED_ON.plusDays(5);

    private static RecordRepatriation repatriation(LocalDate on) {
        return RecordRepatriation.newBuilder().setRepatriatedOn(on).setDestinationCountry("TH")
                .setMode(RepatriationMode.EMBASSY_ORGANISED).build();
    }

    private static CloseCase close(LocalDate on) {
        return CloseCase.newBuilder().setClosedOn(on).setReason(ClosureReason.RETURNED).build();
    }

    private static ReopenCase reopen(LocalDate on) {
        return ReopenCase.newBuilder().setReopenedOn(on).build();
    }

    @Test
    void repatriationMakesTheCaseRepatriatedAndThePersonReturned() {
        CaseState state = given(Events.escaped(null)).stateAfter(repatriation(REPATRIATED_ON));

        assertThat(state.getLifecycle()).isEqualTo(Lifecycle.REPATRIATED);
        assertThat(state.getWhereabouts()).isEqualTo(Whereabouts.RETURNED);
        assertThat(state.getRepatriation().getRepatriatedOn()).isEqualTo(REPATRIATED_ON);
    }

    @Test
    void rejectsSecondRepatriationOfSameCase() {
        CaseHistory history = given(Events.escaped(null), Events.repatriated(REPATRIATED_ON));

        rejected(history.when(repatriation(REPATRIATED_ON.plusDays(1))), Rule.ALREADY_REPATRIATED);
        rejected(history.when(ScheduleRepatriation.newBuilder().setPlannedOn(TODAY.plusDays(9)).setDestinationCountry("TH").build()),
                Rule.ALREADY_REPATRIATED);
    }

    @Test
    void aCaseRepatriatedThenReopenedIsStillRepatriatedOnce() {
        rejected(given(Events.escaped(null), Events.repatriated(REPATRIATED_ON), Events.closed(REPATRIATED_ON),
                Events.reopened(REPATRIATED_ON.plusDays(1)))
                .when(repatriation(REPATRIATED_ON.plusDays(2))), Rule.ALREADY_REPATRIATED);
    }

    @Test
    void repatriationBeforeTheEscapeIsOutOfOrder() {
        rejected(given(Events.escaped(null)).when(repatriation(ESCAPED_ON.minusDays(1))), Rule.DATE_OUT_OF_ORDER);
    }

    @Test
    void repatriationMayBePlannedForTheFutureButNotBeforeTheEscape() {
        CaseHistory history = given(Events.escaped(null));

        assertThat(history.stateAfter(ScheduleRepatriation.newBuilder().setPlannedOn(TODAY.plusDays(30)).setDestinationCountry("TH")
                .build()).getRepatriationPlannedOn()).isEqualTo(TODAY.plusDays(30));
        rejected(history.when(ScheduleRepatriation.newBuilder().setPlannedOn(ESCAPED_ON.minusDays(1)).setDestinationCountry("TH").build()),
                Rule.DATE_OUT_OF_ORDER);
    }

    @Test
    void aClosedCaseTakesNothingButAReopening() {
        CaseHistory history = given(Events.escaped(null), Events.closed(ESCAPED_ON.plusDays(3)));

        rejected(history.when(MakeReferral.newBuilder().setService(ServiceType.SHELTER).setTo("shelter")
                .setReferredOn(ESCAPED_ON.plusDays(4)).build()), Rule.CASE_CLOSED);
        rejected(history.when(repatriation(REPATRIATED_ON)), Rule.CASE_CLOSED);
        rejected(history.when(close(ESCAPED_ON.plusDays(4))), Rule.CASE_CLOSED);
        assertThat(history.stateAfter(reopen(ESCAPED_ON.plusDays(4))).getLifecycle()).isEqualTo(Lifecycle.OPEN);
    }

    @Test
    void erasureIsRecordedEvenOnAClosedCase() {
        CaseState state = given(Events.escaped(null), Events.closed(ESCAPED_ON.plusDays(3)))
                .stateAfter(RecordPersonalDataErasure.newBuilder().setErasedOn(TODAY).build());

        assertThat(state.getErased()).isTrue();
        assertThat(state.getLifecycle()).isEqualTo(Lifecycle.CLOSED);
    }

    @Test
    void reopeningRestoresWhatTheCaseWasBeforeClosing() {
        CaseState state = given(Events.escaped(null), Events.repatriated(REPATRIATED_ON), Events.closed(REPATRIATED_ON.plusDays(1)))
                .stateAfter(reopen(REPATRIATED_ON.plusDays(2)));

        assertThat(state.getLifecycle()).isEqualTo(Lifecycle.REPATRIATED);
    }

    @Test
    void reopeningAnOpenCaseIsRejected() {
        rejected(given(Events.escaped(null)).when(reopen(TODAY)), Rule.NOT_CLOSED);
    }

    @Test
    void closureBeforeTheEscapeAndReopeningBeforeTheClosureAreOutOfOrder() {
        rejected(given(Events.escaped(null)).when(close(ESCAPED_ON.minusDays(1))), Rule.DATE_OUT_OF_ORDER);
        rejected(given(Events.escaped(null), Events.closed(ESCAPED_ON.plusDays(3))).when(reopen(ESCAPED_ON.plusDays(2))),
                Rule.DATE_OUT_OF_ORDER);
    }

    @Test
    void closureInTheFutureIsRejected() {
        rejected(given(Events.escaped(null)).when(close(TODAY.plusDays(1))), Rule.DATE_IN_FUTURE);
    }
}
