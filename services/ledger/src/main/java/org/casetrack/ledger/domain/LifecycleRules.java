package org.casetrack.ledger.domain;

import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CloseCase;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.RecordPersonalDataErasure;
import org.casetrack.avro.RecordRepatriation;
import org.casetrack.avro.Rejection;
import org.casetrack.avro.ReopenCase;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationScheduled;
import org.casetrack.avro.ScheduleRepatriation;

/** Repatriation (once per case), closing, reopening and the record of an erasure. */
final class LifecycleRules {
    private LifecycleRules() {
    }

    /** A plan may lie in the future; it may not lie before the escape. */
    static Decision<Fact> schedule(CaseState state, ScheduleRepatriation s) {
        Rejection rejection = Checks.first(
                () -> repatriated(state),
                () -> Checks.country(s.getDestinationCountry(), "destinationCountry"),
                () -> Checks.notBefore(s.getPlannedOn(), state.getEscapedOn(), "plannedOn", "the escape"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(RepatriationScheduled.newBuilder().setPlannedOn(s.getPlannedOn())
                .setDestinationCountry(s.getDestinationCountry()).setCrossingPoint(s.getCrossingPoint()).setMode(s.getMode()).build(),
                null));
    }

    static Decision<Fact> repatriate(CaseState state, RecordRepatriation r, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> repatriated(state),
                () -> Checks.country(r.getDestinationCountry(), "destinationCountry"),
                () -> Checks.notInFuture(r.getRepatriatedOn(), "repatriatedOn", context),
                () -> Checks.notBefore(r.getRepatriatedOn(), state.getEscapedOn(), "repatriatedOn", "the escape"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(RepatriationCompleted.newBuilder().setRepatriatedOn(r.getRepatriatedOn())
                .setDestinationCountry(r.getDestinationCountry()).setCrossingPoint(r.getCrossingPoint()).setMode(r.getMode()).build(),
                r.getRepatriatedOn()));
    }

    private static Rejection repatriated(CaseState state) {
        return state.getRepatriation() != null ? Rule.ALREADY_REPATRIATED.reject(null, "the case was repatriated already") : null;
    }

    static Decision<Fact> close(CaseState state, CloseCase c, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> Checks.known(c.getReason(), "reason"),
                () -> Checks.notInFuture(c.getClosedOn(), "closedOn", context),
                () -> Checks.notBefore(c.getClosedOn(), state.getEscapedOn(), "closedOn", "the escape"),
                () -> Checks.notBefore(c.getClosedOn(), state.getReopenedOn(), "closedOn", "the last reopening"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(CaseClosed.newBuilder().setReason(c.getReason()).setClosedOn(c.getClosedOn()).build(),
                c.getClosedOn()));
    }

    static Decision<Fact> reopen(CaseState state, ReopenCase r, DecisionContext context) {
        if (state.getLifecycle() != Lifecycle.CLOSED) {
            return Decision.reject(Rule.NOT_CLOSED, null, "the case is not closed");
        }
        Rejection rejection = Checks.first(
                () -> Checks.notInFuture(r.getReopenedOn(), "reopenedOn", context),
                () -> Checks.notBefore(r.getReopenedOn(), state.getClosedOn(), "reopenedOn", "the closure"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(CaseReopened.newBuilder().setReopenedOn(r.getReopenedOn()).setPersonal(r.getPersonal()).build(),
                r.getReopenedOn()));
    }

    /** The key is destroyed before this command is sent: the log must always be able to record it, closed case or not. */
    static Decision<Fact> erase(CaseState state, RecordPersonalDataErasure e, DecisionContext context) {
        Rejection rejection = Checks.notInFuture(e.getErasedOn(), "erasedOn", context);
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(PersonalDataErased.newBuilder().setErasedOn(e.getErasedOn()).build(), e.getErasedOn()));
    }
}
