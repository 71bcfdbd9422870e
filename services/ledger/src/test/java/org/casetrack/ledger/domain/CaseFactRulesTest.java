package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.ledger.domain.CaseHistory.given;
import static org.casetrack.ledger.domain.CaseHistory.rejected;
import static org.casetrack.ledger.fixtures.Commands.ESCAPED_ON;
import static org.casetrack.ledger.fixtures.Commands.TODAY;

import java.util.List;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.ConsentPurpose;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.IssueTravelDocument;
import org.casetrack.avro.MakeReferral;
import org.casetrack.avro.RecordAssistance;
import org.casetrack.avro.RecordConsent;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.TravelDocumentKind;
import org.casetrack.avro.Whereabouts;
import org.casetrack.ledger.fixtures.Events;
import org.junit.jupiter.api.Test;

class CaseFactRulesTest {

    private static RecordConsent consent(String recipient, boolean given) {
        return RecordConsent.newBuilder().setRecipient(recipient).setGiven(given).setPurposes(List.of(ConsentPurpose.REPATRIATION))
                .setDataCategories(List.of(DataCategory.IDENTITY)).setRecordedOn(ESCAPED_ON.plusDays(1)).build();
    }

    @Test
    void screeningSetsTheTraffickingStatusAndTheDecidingOrganisation() {
        CaseState state = given(Events.escaped(null)).stateAfter(RecordScreening.newBuilder()
                .setTraffickingStatus(TraffickingStatus.POSSIBLE).setDecidedBy("IOM").setDecidedOn(ESCAPED_ON.plusDays(2)).build());

        assertThat(state.getTraffickingStatus()).isEqualTo(TraffickingStatus.POSSIBLE);
        assertThat(state.getTraffickingStatusDecidedBy()).isEqualTo("IOM");
    }

    @Test
    void screeningWithoutAStatusIsInvalid() {
        rejected(given(Events.escaped(null)).when(RecordScreening.newBuilder().setTraffickingStatus(TraffickingStatus.UNKNOWN)
                .setDecidedBy("IOM").build()), Rule.INVALID_COMMAND);
    }

    @Test
    void referralWithWhereaboutsMovesThePerson() {
        CaseHistory history = given(Events.escaped(null));
        MakeReferral toHospital = MakeReferral.newBuilder().setService(ServiceType.MEDICAL).setTo("hospital")
                .setReferredOn(ESCAPED_ON.plusDays(1)).setWhereabouts(Whereabouts.HOSPITAL).build();
        MakeReferral legal = MakeReferral.newBuilder(toHospital).setService(ServiceType.LEGAL).setWhereabouts(null).build();

        assertThat(history.stateAfter(toHospital).getWhereabouts()).isEqualTo(Whereabouts.HOSPITAL);
        assertThat(history.stateAfter(legal).getWhereabouts()).as("unchanged").isEqualTo(Whereabouts.SHELTER);
    }

    @Test
    void factsDatedBeforeTheEscapeAreOutOfOrder() {
        CaseHistory history = given(Events.escaped(null));

        rejected(history.when(RecordAssistance.newBuilder().setType(ServiceType.FOOD).setProvidedOn(ESCAPED_ON.minusDays(1)).build()),
                Rule.DATE_OUT_OF_ORDER);
        rejected(history.when(IssueTravelDocument.newBuilder().setIssuedOn(ESCAPED_ON.minusDays(1)).setIssuedBy("embassy:TH")
                .setKind(TravelDocumentKind.EMERGENCY_TRAVEL_DOCUMENT).build()), Rule.DATE_OUT_OF_ORDER);
    }

    @Test
    void factsDatedInTheFutureAreRejected() {
        rejected(given(Events.escaped(null)).when(MakeReferral.newBuilder().setService(ServiceType.SHELTER).setTo("shelter")
                .setReferredOn(TODAY.plusDays(2)).build()), Rule.DATE_IN_FUTURE);
    }

    @Test
    void consentIsKeptPerRecipientAndAWithdrawalReplacesIt() {
        CaseHistory history = given(Events.escaped(null), ConsentRecorded.newBuilder().setRecipient("embassy:TH")
                .setGiven(true).setRecordedOn(ESCAPED_ON).build());

        CaseState withOther = history.stateAfter(consent("embassy:LA", true));
        CaseState withdrawn = history.stateAfter(consent("embassy:TH", false));

        assertThat(withOther.getConsents()).extracting(c -> c.getRecipient()).containsExactlyInAnyOrder("embassy:TH", "embassy:LA");
        assertThat(withdrawn.getConsents()).singleElement().satisfies(c -> {
            assertThat(c.getRecipient()).isEqualTo("embassy:TH");
            assertThat(c.getGiven()).isFalse();
        });
    }

    @Test
    void consentExpiringBeforeItWasRecordedIsInvalid() {
        RecordConsent consent = RecordConsent.newBuilder(consent("embassy:TH", true)).setExpiresOn(ESCAPED_ON).build();

        assertThat(rejected(given(Events.escaped(null)).when(consent), Rule.INVALID_COMMAND).getField()).isEqualTo("expiresOn");
    }
}
