package org.casetrack.ledger.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.ConsentState;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationRecord;
import org.casetrack.avro.RepatriationScheduled;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.TravelDocumentIssued;
import org.casetrack.avro.Whereabouts;

/** {@code (state, event) -> state} for cases: the only way case facts change. */
public final class CaseEvolver {
    private CaseEvolver() {
    }

    public static CaseState apply(CaseState state, CaseEvent event) {
        Object payload = event.getPayload();
        long sequence = event.getMetadata().getSequence();
        if (payload instanceof EscapeReported e) {
            return opened(event.getMetadata().getAggregateId(), e, sequence);
        }
        if (state == null) {
            throw new IllegalStateException("Case event before its EscapeReported, sequence " + sequence);
        }
        CaseState.Builder next = CaseState.newBuilder(state).setVersion(sequence);
        if (payload instanceof CaseCompoundIdentified c) {
            next.setCompoundId(c.getCompoundId()).setCompoundUnknown(false);
        } else if (payload instanceof ScreeningRecorded s) {
            next.setTraffickingStatus(s.getTraffickingStatus()).setTraffickingStatusDecidedBy(s.getDecidedBy());
            later(next, s.getDecidedOn());
        } else if (payload instanceof ReferralMade r) {
            if (r.getWhereabouts() != null) {
                next.setWhereabouts(r.getWhereabouts());
            }
            later(next, r.getReferredOn());
        } else if (payload instanceof AssistanceProvided a) {
            later(next, a.getProvidedOn());
        } else if (payload instanceof TravelDocumentIssued d) {
            later(next, d.getIssuedOn());
        } else if (payload instanceof ConsentRecorded c) {
            next.setConsents(withConsent(state.getConsents(), c));
            later(next, c.getRecordedOn());
        } else if (payload instanceof ArrestReported a) {
            Detention.arrested(state, next, a);
            later(next, a.getArrestedOn());
        } else if (payload instanceof DetentionEnded d) {
            Detention.ended(state, next, d);
            later(next, d.getEndedOn());
        } else if (payload instanceof RepatriationScheduled s) {
            next.setRepatriationPlannedOn(s.getPlannedOn());
            later(next, s.getPlannedOn());
        } else if (payload instanceof RepatriationCompleted r) {
            next.setRepatriation(RepatriationRecord.newBuilder().setRepatriatedOn(r.getRepatriatedOn())
                    .setDestinationCountry(r.getDestinationCountry()).setCrossingPoint(r.getCrossingPoint()).setMode(r.getMode()).build());
            next.setLifecycle(Lifecycle.REPATRIATED).setWhereabouts(Whereabouts.RETURNED);
            later(next, r.getRepatriatedOn());
        } else if (payload instanceof CaseDetailsCorrected c) {
            Corrections.apply(next, c);
        } else if (payload instanceof CaseClosed c) {
            next.setLifecycleBeforeClosing(state.getLifecycle()).setLifecycle(Lifecycle.CLOSED)
                    .setClosedOn(c.getClosedOn()).setClosureReason(c.getReason());
            later(next, c.getClosedOn());
        } else if (payload instanceof CaseReopened r) {
            Lifecycle before = state.getLifecycleBeforeClosing();
            next.setLifecycle(before == null ? Lifecycle.OPEN : before).setLifecycleBeforeClosing(null).setReopenedOn(r.getReopenedOn());
            later(next, r.getReopenedOn());
        } else if (payload instanceof PersonalDataErased e) {
            next.setErased(true).setErasedOn(e.getErasedOn());
        }
        return next.build();
    }

    /**
     * A new case. Every field is set here, the ones the escape does not give at their schema defaults: a
     * builder resolves each unset field's default through a shared cache on every build, which made up
     * most of a new case's cost in the ledger (CaseEvolverTest keeps these values equal to the schema's).
     */
    private static CaseState opened(String caseId, EscapeReported e, long sequence) {
        return CaseState.newBuilder().setCaseId(caseId).setVersion(sequence).setLifecycle(Lifecycle.OPEN)
                .setCompoundId(e.getCompoundId()).setCompoundUnknown(e.getCompoundUnknown()).setCircumstance(e.getCircumstance())
                .setNationality(e.getNationality()).setCitizenshipBasis(e.getCitizenshipBasis()).setStateless(e.getStateless())
                .setGender(e.getGender()).setAgeBand(e.getAgeBand()).setMinor(e.getMinor()).setUnaccompanied(e.getUnaccompanied())
                .setIntendsToReturn(e.getIntendsToReturn()).setEscapedOn(e.getEscapedOn()).setReportId(e.getReportId())
                .setWhereabouts(e.getWhereabouts())
                .setLifecycleBeforeClosing(null).setClosedOn(null).setClosureReason(null).setReopenedOn(null)
                .setTraffickingStatus(TraffickingStatus.UNKNOWN).setTraffickingStatusDecidedBy(null).setEarliestLaterFactOn(null)
                .setArrests(new ArrayList<>()).setDetained(false).setRepatriationPlannedOn(null).setRepatriation(null)
                .setConsents(new ArrayList<>()).setErased(false).setErasedOn(null).setDecided(new ArrayList<>())
                .build();
    }

    /** Keeps the earliest world date recorded after the escape, the bound for a corrected escape date. */
    private static void later(CaseState.Builder next, LocalDate date) {
        if (date != null && (next.getEarliestLaterFactOn() == null || date.isBefore(next.getEarliestLaterFactOn()))) {
            next.setEarliestLaterFactOn(date);
        }
    }

    private static List<ConsentState> withConsent(List<ConsentState> consents, ConsentRecorded c) {
        List<ConsentState> next = new ArrayList<>();
        consents.stream().filter(s -> !s.getRecipient().equals(c.getRecipient())).forEach(next::add);
        next.add(ConsentState.newBuilder().setRecipient(c.getRecipient()).setGiven(c.getGiven()).setPurposes(c.getPurposes())
                .setDataCategories(c.getDataCategories()).setExpiresOn(c.getExpiresOn())
                .setBestInterestsDecision(c.getBestInterestsDecision()).setRecordedOn(c.getRecordedOn()).build());
        return next;
    }
}
