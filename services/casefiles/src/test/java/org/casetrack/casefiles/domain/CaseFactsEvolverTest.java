package org.casetrack.casefiles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationMode;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TraffickingRelation;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.Whereabouts;
import org.casetrack.casefiles.support.CaseScript;
import org.junit.jupiter.api.Test;

/** Given a case's events, the current facts: pure, no Kafka, no database. */
class CaseFactsEvolverTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 17);

    private static CaseFacts replay(CaseScript script) {
        CaseFacts facts = null;
        for (CaseEvent e : script.events()) {
            facts = CaseFactsEvolver.apply(facts, e);
        }
        return facts;
    }

    private static CaseScript escaped() {
        return CaseScript.of(CaseScript.OPAQUE).escaped("TH", DAY, "compound-1");
    }

    @Test
    void anArrestChangesTheLegalSituationAndWhereaboutsButNeverTheTraffickingStatus() {
        CaseFacts facts = replay(escaped()
                .then(ScreeningRecorded.newBuilder().setTraffickingStatus(TraffickingStatus.ACTUAL).setDecidedBy("IOM").build())
                .then(ArrestReported.newBuilder().setArrestedOn(DAY).setCountry("TH").setDetentionType(DetentionType.CRIMINAL)
                        .setRelatedToTrafficking(TraffickingRelation.NO).build()));

        assertThat(facts.status().traffickingStatus()).isEqualTo(TraffickingStatus.ACTUAL);
        assertThat(facts.status().whereabouts()).isEqualTo(Whereabouts.CRIMINAL_DETENTION);
        assertThat(facts.legal().detained()).isTrue();
        assertThat(facts.legal().arrests()).singleElement().satisfies(a -> assertThat(a.inForce()).isTrue());
    }

    @Test
    void releaseEndsTheDetentionWithWhereaboutsUnknownAndChargedKeepsItInForce() {
        CaseScript script = escaped().then(ArrestReported.newBuilder().setArrestedOn(DAY).setCountry("TH")
                .setDetentionType(DetentionType.IMMIGRATION).setRelatedToTrafficking(TraffickingRelation.YES).build());
        CaseFacts charged = replay(CaseScript.of(script.caseId(), CaseScript.OPAQUE).escaped("TH", DAY, null)
                .then(script.events().get(1).getPayload())
                .then(DetentionEnded.newBuilder().setEndedOn(DAY).setOutcome(DetentionOutcome.CHARGED).build()));
        CaseFacts released = replay(script.then(DetentionEnded.newBuilder().setEndedOn(DAY).setOutcome(DetentionOutcome.RELEASED).build()));

        assertThat(charged.legal().detained()).isTrue();
        assertThat(charged.status().whereabouts()).isEqualTo(Whereabouts.CRIMINAL_DETENTION);
        assertThat(released.legal().detained()).isFalse();
        assertThat(released.status().whereabouts()).isEqualTo(Whereabouts.UNKNOWN);
        assertThat(released.legal().arrests().get(0).lastOutcome()).isEqualTo(DetentionOutcome.RELEASED);
    }

    @Test
    void reopeningRestoresTheLifecycleBeforeClosing() {
        CaseFacts facts = replay(escaped()
                .then(RepatriationCompleted.newBuilder().setRepatriatedOn(DAY).setDestinationCountry("TH")
                        .setMode(RepatriationMode.EMBASSY_ORGANISED).build())
                .then(CaseClosed.newBuilder().setReason(ClosureReason.RETURNED).setClosedOn(DAY).build())
                .then(CaseReopened.newBuilder().setReopenedOn(DAY.plusDays(3)).build()));

        assertThat(facts.status().lifecycle()).isEqualTo(Lifecycle.REPATRIATED);
        assertThat(facts.status().whereabouts()).isEqualTo(Whereabouts.RETURNED);
        assertThat(facts.status().reopenedOn()).isEqualTo(DAY.plusDays(3));
        assertThat(facts.version()).isEqualTo(4);
    }

    @Test
    void theLatestConsentPerRecipientIsCurrentAndNeedsCollectReferralsAndAssistance() {
        CaseFacts facts = replay(escaped()
                .then(consent("embassy:TH", true, List.of(DataCategory.IDENTITY)))
                .then(consent("UNHCR", true, List.of(DataCategory.CONTACT)))
                .then(consent("embassy:TH", false, List.of()))
                .then(ReferralMade.newBuilder().setService(ServiceType.MEDICAL).setTo("Calmette").setReferredOn(DAY)
                        .setWhereabouts(Whereabouts.HOSPITAL).build())
                .then(AssistanceProvided.newBuilder().setType(ServiceType.FOOD).setProvidedOn(DAY).build())
                .then(ReferralMade.newBuilder().setService(ServiceType.MEDICAL).setTo("Khmer-Soviet").setReferredOn(DAY).build()));

        assertThat(facts.consents()).extracting(Consent::recipient).containsExactly("UNHCR", "embassy:TH");
        assertThat(facts.consentOf("embassy:TH")).hasValueSatisfying(c -> assertThat(c.given()).isFalse());
        assertThat(facts.care().needs()).containsExactly(ServiceType.MEDICAL, ServiceType.FOOD);
        assertThat(facts.care().referrals()).hasSize(2);
        assertThat(facts.status().whereabouts()).isEqualTo(Whereabouts.HOSPITAL);
    }

    @Test
    void aClearCorrectionChangesTheFactAndAPersonalOneChangesNothingHere() {
        CaseFacts facts = replay(escaped()
                .then(CaseDetailsCorrected.newBuilder().setField("nationality").setValue("LA").setPreviousValue("TH").build())
                .then(CaseDetailsCorrected.newBuilder().setField("fullName").build())
                .then(CaseDetailsCorrected.newBuilder().setField("minor").setValue("true").setPreviousValue("false").build()));

        assertThat(facts.person().nationality()).isEqualTo("LA");
        assertThat(facts.person().minor()).isTrue();
        assertThat(facts.version()).isEqualTo(4);
    }

    @Test
    void anErasureIsAFactOfTheCase() {
        CaseFacts facts = replay(escaped().then(PersonalDataErased.newBuilder().setErasedOn(DAY).build()));

        assertThat(facts.erased()).isTrue();
        assertThat(facts.erasedOn()).isEqualTo(DAY);
    }

    @Test
    void anEventIsRecognisedAsAppliedByItsSequenceAndAnEventBeforeTheEscapeIsRefused() {
        CaseScript script = escaped().then(ScreeningRecorded.newBuilder().setTraffickingStatus(TraffickingStatus.POSSIBLE)
                .setDecidedBy("IOM").build());
        CaseFacts facts = replay(script);

        assertThat(CaseFactsEvolver.isApplied(facts, script.events().get(0))).isTrue();
        assertThat(CaseFactsEvolver.isApplied(facts, script.events().get(1))).isTrue();
        assertThatThrownBy(() -> CaseFactsEvolver.apply(null, script.events().get(1))).isInstanceOf(UnknownCaseException.class);
    }

    static ConsentRecorded consent(String recipient, boolean given, List<DataCategory> categories) {
        return ConsentRecorded.newBuilder().setRecipient(recipient).setGiven(given).setDataCategories(categories).setRecordedOn(DAY).build();
    }
}
