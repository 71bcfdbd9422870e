package org.casetrack.casefiles.domain;

import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationScheduled;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.TravelDocumentIssued;

/**
 * {@code (facts, event) -> facts}: the only way a case file's current facts change. Replays are
 * recognised by the event's sequence ({@link #isApplied}), so applying the log twice changes nothing.
 */
public final class CaseFactsEvolver {
    private CaseFactsEvolver() {
    }

    /** True when the facts already include this event (its sequence is not past their version). */
    public static boolean isApplied(CaseFacts facts, CaseEvent event) {
        return facts != null && event.getMetadata().getSequence() <= facts.version();
    }

    /** @throws UnknownCaseException when the event is not an EscapeReported and the case has no facts yet */
    public static CaseFacts apply(CaseFacts facts, CaseEvent event) {
        Object payload = event.getPayload();
        long sequence = event.getMetadata().getSequence();
        if (payload instanceof EscapeReported e) {
            return opened(event.getMetadata().getAggregateId(), sequence, e);
        }
        if (facts == null) {
            throw new UnknownCaseException(event.getMetadata().getAggregateId(), sequence);
        }
        return evolve(facts, payload).withVersion(sequence);
    }

    private static CaseFacts evolve(CaseFacts facts, Object payload) {
        if (payload instanceof CaseCompoundIdentified c) {
            return facts.withPerson(facts.person().withCompound(c.getCompoundId()));
        } else if (payload instanceof ScreeningRecorded s) {
            return facts.withStatus(facts.status().screened(s.getTraffickingStatus(), s.getDecidedBy(), s.getDecidedOn()));
        } else if (payload instanceof ReferralMade r) {
            CaseFacts referred = facts.withCare(facts.care().withReferral(
                    new Care.Referral(r.getService(), r.getTo(), r.getReferredOn(), r.getWhereabouts())));
            return r.getWhereabouts() == null ? referred : referred.withStatus(referred.status().withWhereabouts(r.getWhereabouts()));
        } else if (payload instanceof AssistanceProvided a) {
            return facts.withCare(facts.care().withAssistance(new Care.Assistance(a.getType(), a.getProvidedOn(), a.getProvider())));
        } else if (payload instanceof TravelDocumentIssued d) {
            return facts.withCare(facts.care().withDocument(new Care.TravelDocument(d.getKind(), d.getIssuedOn(), d.getIssuedBy())));
        } else if (payload instanceof ConsentRecorded c) {
            return facts.withConsents(withConsent(facts.consents(), c));
        } else if (payload instanceof ArrestReported a) {
            return Detention.arrested(facts, a);
        } else if (payload instanceof DetentionEnded d) {
            return Detention.ended(facts, d);
        } else if (payload instanceof RepatriationScheduled s) {
            return facts.withPlannedRepatriation(new RepatriationPlan(s.getPlannedOn(), s.getDestinationCountry(), s.getCrossingPoint(),
                    s.getMode()));
        } else if (payload instanceof RepatriationCompleted r) {
            return facts.withRepatriation(new Repatriation(r.getRepatriatedOn(), r.getDestinationCountry(), r.getCrossingPoint(), r.getMode()))
                    .withStatus(facts.status().repatriated());
        } else if (payload instanceof CaseDetailsCorrected c) {
            return c.getValue() == null ? facts : facts.withPerson(facts.person().corrected(c.getField(), c.getValue()));
        } else if (payload instanceof CaseClosed c) {
            return facts.withStatus(facts.status().closed(c.getReason(), c.getClosedOn()));
        } else if (payload instanceof CaseReopened r) {
            return facts.withStatus(facts.status().reopened(r.getReopenedOn()));
        } else if (payload instanceof PersonalDataErased e) {
            return facts.withErasure(e.getErasedOn());
        }
        throw new IllegalArgumentException("Unknown case event payload " + payload.getClass().getSimpleName());
    }

    private static CaseFacts opened(String caseId, long sequence, EscapeReported e) {
        Person person = new Person(e.getNationality(), e.getCitizenshipBasis(), e.getStateless(), e.getGender(), e.getAgeBand(),
                e.getMinor(), e.getUnaccompanied(), e.getIntendsToReturn(), e.getCircumstance(), e.getEscapedOn(), e.getCompoundId(),
                e.getCompoundUnknown(), e.getReportId().toString(), e.getGroupSize());
        return new CaseFacts(caseId, sequence, person, Status.opened(e.getWhereabouts()), LegalSituation.none(), Care.none(),
                List.of(), null, null, false, null);
    }

    private static List<Consent> withConsent(List<Consent> consents, ConsentRecorded c) {
        List<Consent> next = new ArrayList<>();
        consents.stream().filter(s -> !s.recipient().equals(c.getRecipient())).forEach(next::add);
        next.add(new Consent(c.getRecipient(), c.getGiven(), c.getPurposes(), c.getDataCategories(), c.getExpiresOn(),
                c.getBestInterestsDecision(), c.getRecordedOn()));
        return next;
    }
}
