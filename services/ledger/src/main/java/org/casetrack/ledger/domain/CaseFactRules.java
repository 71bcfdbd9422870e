package org.casetrack.ledger.domain;

import java.time.LocalDate;
import java.util.List;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.IssueTravelDocument;
import org.casetrack.avro.MakeReferral;
import org.casetrack.avro.RecordAssistance;
import org.casetrack.avro.RecordConsent;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.Rejection;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.TravelDocumentIssued;

/** Screening, referrals, assistance, travel documents and consent: each happens after the escape and not in the future. */
final class CaseFactRules {
    private CaseFactRules() {
    }

    static Decision<Fact> screening(CaseState state, RecordScreening s, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> Checks.known(s.getTraffickingStatus(), "traffickingStatus"),
                () -> Checks.required(s.getDecidedBy(), "decidedBy"),
                () -> dated(state, s.getDecidedOn(), "decidedOn", context));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(ScreeningRecorded.newBuilder().setTraffickingStatus(s.getTraffickingStatus())
                .setDecidedBy(s.getDecidedBy()).setDecidedOn(s.getDecidedOn()).setPersonal(s.getPersonal()).build(), s.getDecidedOn()));
    }

    static Decision<Fact> referral(CaseState state, MakeReferral r, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> Checks.required(r.getTo(), "to"),
                () -> dated(state, r.getReferredOn(), "referredOn", context));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(ReferralMade.newBuilder().setService(r.getService()).setTo(r.getTo())
                .setReferredOn(r.getReferredOn()).setWhereabouts(r.getWhereabouts()).build(), r.getReferredOn()));
    }

    static Decision<Fact> assistance(CaseState state, RecordAssistance a, DecisionContext context) {
        Rejection rejection = dated(state, a.getProvidedOn(), "providedOn", context);
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(AssistanceProvided.newBuilder().setType(a.getType()).setProvidedOn(a.getProvidedOn())
                .setProvider(a.getProvider()).setPersonal(a.getPersonal()).build(), a.getProvidedOn()));
    }

    static Decision<Fact> travelDocument(CaseState state, IssueTravelDocument d, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> Checks.required(d.getIssuedBy(), "issuedBy"),
                () -> dated(state, d.getIssuedOn(), "issuedOn", context));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(TravelDocumentIssued.newBuilder().setIssuedOn(d.getIssuedOn()).setIssuedBy(d.getIssuedBy())
                .setKind(d.getKind()).setPersonal(d.getPersonal()).build(), d.getIssuedOn()));
    }

    /** One consent per recipient; given false withdraws it. An expiry must come after the day it was recorded. */
    static Decision<Fact> consent(CaseState state, RecordConsent c, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> Checks.required(c.getRecipient(), "recipient"),
                () -> c.getExpiresOn() != null && !c.getExpiresOn().isAfter(c.getRecordedOn())
                        ? Rule.INVALID_COMMAND.reject("expiresOn", "expiresOn must be after recordedOn") : null,
                () -> dated(state, c.getRecordedOn(), "recordedOn", context));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(ConsentRecorded.newBuilder().setRecipient(c.getRecipient()).setGiven(c.getGiven())
                .setPurposes(List.copyOf(c.getPurposes())).setDataCategories(List.copyOf(c.getDataCategories()))
                .setExpiresOn(c.getExpiresOn()).setBestInterestsDecision(c.getBestInterestsDecision())
                .setRecordedOn(c.getRecordedOn()).setPersonal(c.getPersonal()).build(), c.getRecordedOn()));
    }

    private static Rejection dated(CaseState state, LocalDate date, String field, DecisionContext context) {
        return Checks.first(
                () -> Checks.notInFuture(date, field, context),
                () -> Checks.notBefore(date, state.getEscapedOn(), field, "the escape"));
    }
}
