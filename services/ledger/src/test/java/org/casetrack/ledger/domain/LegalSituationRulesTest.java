package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.ledger.domain.CaseHistory.acceptedPayload;
import static org.casetrack.ledger.domain.CaseHistory.given;
import static org.casetrack.ledger.domain.CaseHistory.rejected;
import static org.casetrack.ledger.fixtures.Commands.ESCAPED_ON;

import java.time.LocalDate;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.EndDetention;
import org.casetrack.avro.ReportArrest;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.TraffickingRelation;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.Whereabouts;
import org.casetrack.ledger.fixtures.Commands;
import org.casetrack.ledger.fixtures.Events;
import org.junit.jupiter.api.Test;

class LegalSituationRulesTest {
    private static final LocalDate ARRESTED_ON = ESCAPED_ON.plusDays(3);

    private static ReportArrest arrest(LocalDate on, DetentionType type) {
        return ReportArrest.newBuilder().setArrestedOn(on).setCountry("TH").setDetentionType(type)
                .setRelatedToTrafficking(TraffickingRelation.YES).setPersonal(Commands.block()).build();
    }

    private static EndDetention end(LocalDate on, DetentionOutcome outcome) {
        return EndDetention.newBuilder().setEndedOn(on).setOutcome(outcome).build();
    }

    private static ScreeningRecorded actualVictim() {
        return ScreeningRecorded.newBuilder().setTraffickingStatus(TraffickingStatus.ACTUAL).setDecidedBy("IOM").build();
    }

    @Test
    void arrestChangesLegalSituationAndWhereaboutsButNeverTheTraffickingStatus() {
        CaseHistory history = given(Events.escaped(null), actualVictim());

        ArrestReported reported = (ArrestReported) acceptedPayload(history.when(arrest(ARRESTED_ON, DetentionType.CRIMINAL)));
        CaseState state = history.stateAfter(arrest(ARRESTED_ON, DetentionType.CRIMINAL));

        assertThat(reported.getPersonal()).as("grounds travel encrypted, untouched").isEqualTo(Commands.block());
        assertThat(state.getDetained()).isTrue();
        assertThat(state.getArrests()).singleElement().satisfies(a -> {
            assertThat(a.getArrestedOn()).isEqualTo(ARRESTED_ON);
            assertThat(a.getDetentionType()).isEqualTo(DetentionType.CRIMINAL);
            assertThat(a.getInForce()).isTrue();
        });
        assertThat(state.getWhereabouts()).isEqualTo(Whereabouts.CRIMINAL_DETENTION);
        assertThat(state.getTraffickingStatus()).isEqualTo(TraffickingStatus.ACTUAL);
    }

    @Test
    void immigrationArrestMovesThePersonToImmigrationDetention() {
        CaseState state = given(Events.escaped(null)).stateAfter(arrest(ARRESTED_ON, DetentionType.IMMIGRATION));

        assertThat(state.getWhereabouts()).isEqualTo(Whereabouts.IMMIGRATION_DETENTION);
    }

    @Test
    void arrestWithoutADetentionTypeIsInvalid() {
        assertThat(rejected(given(Events.escaped(null)).when(arrest(ARRESTED_ON, DetentionType.UNKNOWN)), Rule.INVALID_COMMAND)
                .getField()).isEqualTo("detentionType");
    }

    @Test
    void secondArrestWhileDetainedIsRejected() {
        rejected(given(Events.escaped(null), Events.arrested(ARRESTED_ON, DetentionType.CRIMINAL))
                .when(arrest(ARRESTED_ON.plusDays(1), DetentionType.IMMIGRATION)), Rule.ALREADY_DETAINED);
    }

    @Test
    void arrestBeforeTheEscapeIsOutOfOrder() {
        rejected(given(Events.escaped(null)).when(arrest(ESCAPED_ON.minusDays(1), DetentionType.CRIMINAL)), Rule.DATE_OUT_OF_ORDER);
    }

    @Test
    void arrestBeforeThePreviousDetentionEndedIsOutOfOrder() {
        CaseHistory history = given(Events.escaped(null), Events.arrested(ARRESTED_ON, DetentionType.CRIMINAL),
                Events.detentionEnded(ARRESTED_ON.plusDays(5), DetentionOutcome.RELEASED));

        rejected(history.when(arrest(ARRESTED_ON.plusDays(2), DetentionType.CRIMINAL)), Rule.DATE_OUT_OF_ORDER);
        assertThat(history.stateAfter(arrest(ARRESTED_ON.plusDays(6), DetentionType.CRIMINAL)).getArrests()).hasSize(2);
    }

    @Test
    void detentionEndsOnlyIfItBegan() {
        rejected(given(Events.escaped(null)).when(end(ARRESTED_ON, DetentionOutcome.RELEASED)), Rule.NOT_DETAINED);
    }

    @Test
    void detentionCannotEndTwice() {
        rejected(given(Events.escaped(null), Events.arrested(ARRESTED_ON, DetentionType.CRIMINAL),
                Events.detentionEnded(ARRESTED_ON.plusDays(1), DetentionOutcome.RELEASED))
                .when(end(ARRESTED_ON.plusDays(2), DetentionOutcome.RELEASED)), Rule.NOT_DETAINED);
    }

    @Test
    void detentionEndBeforeTheArrestIsOutOfOrder() {
        assertThat(rejected(given(Events.escaped(null), Events.arrested(ARRESTED_ON, DetentionType.CRIMINAL))
                .when(end(ARRESTED_ON.minusDays(1), DetentionOutcome.RELEASED)), Rule.DATE_OUT_OF_ORDER).getField())
                .isEqualTo("endedOn");
    }

    @Test
    void releaseEndsTheDetentionWithWhereaboutsUnknown() {
        CaseState state = given(Events.escaped(null), Events.arrested(ARRESTED_ON, DetentionType.CRIMINAL))
                .stateAfter(end(ARRESTED_ON.plusDays(1), DetentionOutcome.RELEASED));

        assertThat(state.getDetained()).isFalse();
        assertThat(state.getWhereabouts()).isEqualTo(Whereabouts.UNKNOWN);
        assertThat(state.getArrests().get(0).getInForce()).isFalse();
        assertThat(state.getArrests().get(0).getLastOutcome()).isEqualTo(DetentionOutcome.RELEASED);
    }

    @Test
    void chargedKeepsThePersonInCriminalDetentionUntilReleased() {
        CaseHistory history = given(Events.escaped(null), Events.arrested(ARRESTED_ON, DetentionType.IMMIGRATION),
                Events.detentionEnded(ARRESTED_ON.plusDays(1), DetentionOutcome.CHARGED));

        CaseState charged = history.state();
        assertThat(charged.getDetained()).isTrue();
        assertThat(charged.getWhereabouts()).isEqualTo(Whereabouts.CRIMINAL_DETENTION);
        rejected(history.when(end(ARRESTED_ON, DetentionOutcome.RELEASED)), Rule.DATE_OUT_OF_ORDER);
        assertThat(history.stateAfter(end(ARRESTED_ON.plusDays(4), DetentionOutcome.RELEASED)).getDetained()).isFalse();
    }

    @Test
    void deportationEndsTheDetentionWithThePersonInTransit() {
        CaseState state = given(Events.escaped(null), Events.arrested(ARRESTED_ON, DetentionType.IMMIGRATION))
                .stateAfter(end(ARRESTED_ON.plusDays(1), DetentionOutcome.DEPORTED));

        assertThat(state.getDetained()).isFalse();
        assertThat(state.getWhereabouts()).isEqualTo(Whereabouts.IN_TRANSIT);
    }

    @Test
    void aRepatriatedPersonCanBeArrestedOnArrival() {
        CaseState state = given(Events.escaped(null), Events.repatriated(ESCAPED_ON.plusDays(2)))
                .stateAfter(arrest(ESCAPED_ON.plusDays(2), DetentionType.CRIMINAL));

        assertThat(state.getDetained()).isTrue();
        assertThat(state.getRepatriation()).isNotNull();
    }
}
