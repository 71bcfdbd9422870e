package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.ledger.domain.CaseHistory.KNOWN_COMPOUND;
import static org.casetrack.ledger.domain.CaseHistory.acceptedPayload;
import static org.casetrack.ledger.domain.CaseHistory.given;
import static org.casetrack.ledger.domain.CaseHistory.rejected;
import static org.casetrack.ledger.fixtures.Commands.ESCAPED_ON;
import static org.casetrack.ledger.fixtures.Commands.TODAY;

import org.casetrack.avro.AgeBand;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CorrectCaseDetails;
import org.casetrack.avro.DetentionType;
import org.casetrack.ledger.fixtures.Commands;
import org.casetrack.ledger.fixtures.Events;
import org.junit.jupiter.api.Test;

class CorrectionRulesTest {

    private static CorrectCaseDetails correct(String field, String value) {
        return CorrectCaseDetails.newBuilder().setField(field).setValue(value).setReasonGiven(true).setPersonal(Commands.block()).build();
    }

    @Test
    void correctingAClearFieldCarriesTheNewAndThePreviousValue() {
        CaseHistory history = given(Events.escaped(null));

        CaseDetailsCorrected corrected = (CaseDetailsCorrected) acceptedPayload(history.when(correct("nationality", "LA")));

        assertThat(corrected.getField()).isEqualTo("nationality");
        assertThat(corrected.getValue()).isEqualTo("LA");
        assertThat(corrected.getPreviousValue()).isEqualTo("TH");
        assertThat(corrected.getPersonal()).as("the reason, encrypted, untouched").isEqualTo(Commands.block());
        assertThat(history.stateAfter(correct("nationality", "LA")).getNationality()).isEqualTo("LA");
    }

    @Test
    void correctedFlagsAndBandsChangeTheFacts() {
        CaseHistory history = given(Events.escaped(null));

        assertThat(history.stateAfter(correct("minor", "true")).getMinor()).isTrue();
        assertThat(history.stateAfter(correct("ageBand", "AGE_12_17")).getAgeBand()).isEqualTo(AgeBand.AGE_12_17);
        assertThat(history.stateAfter(correct("intendsToReturn", "false")).getIntendsToReturn()).isFalse();
    }

    @Test
    void correctionWithoutAReasonIsRejected() {
        CorrectCaseDetails noReason = CorrectCaseDetails.newBuilder(correct("nationality", "LA")).setReasonGiven(false).build();

        assertThat(rejected(given(Events.escaped(null)).when(noReason), Rule.INVALID_CORRECTION).getField()).isEqualTo("reason");
    }

    @Test
    void correctionOfAnUnknownFieldIsRejected() {
        assertThat(rejected(given(Events.escaped(null)).when(correct("lifecycle", "CLOSED")), Rule.INVALID_CORRECTION).getField())
                .isEqualTo("field");
    }

    @Test
    void correctionWithABadValueIsRejectedWithoutQuotingIt() {
        var rejection = rejected(given(Events.escaped(null)).when(correct("gender", "Somchai")), Rule.INVALID_CORRECTION);

        assertThat(rejection.getField()).isEqualTo("value");
        assertThat(rejection.getMessage()).doesNotContain("Somchai");
    }

    @Test
    void personalFieldIsCorrectedOnlyThroughTheEncryptedBlock() {
        CaseHistory history = given(Events.escaped(null));

        CaseDetailsCorrected corrected = (CaseDetailsCorrected) acceptedPayload(history.when(correct("fullName", null)));
        var rejection = rejected(history.when(correct("fullName", "Somchai")), Rule.INVALID_CORRECTION);

        assertThat(corrected.getValue()).isNull();
        assertThat(corrected.getPreviousValue()).isNull();
        assertThat(rejection.getMessage()).doesNotContain("Somchai");
    }

    @Test
    void correctedEscapeDateMayNotPassLaterFactsNorTheFuture() {
        CaseHistory history = given(Events.escaped(null), Events.arrested(ESCAPED_ON.plusDays(2), DetentionType.CRIMINAL));

        rejected(history.when(correct("escapedOn", ESCAPED_ON.plusDays(3).toString())), Rule.DATE_OUT_OF_ORDER);
        rejected(given(Events.escaped(null)).when(correct("escapedOn", TODAY.plusDays(1).toString())), Rule.DATE_IN_FUTURE);
        CaseState state = history.stateAfter(correct("escapedOn", ESCAPED_ON.plusDays(1).toString()));
        assertThat(state.getEscapedOn()).isEqualTo(ESCAPED_ON.plusDays(1));
    }

    @Test
    void correctedCompoundWaitsForTheRegistryLikeAnyCompoundReference() {
        CaseHistory history = given(Events.escaped(null));

        assertThat(history.when(correct("compoundId", "not-yet"))).isInstanceOf(Decision.AwaitingCompound.class);
        CaseState state = history.stateAfter(correct("compoundId", KNOWN_COMPOUND));
        assertThat(state.getCompoundId()).isEqualTo(KNOWN_COMPOUND);
        assertThat(state.getCompoundUnknown()).isFalse();
    }
}
