package org.casetrack.ledger.domain;

import java.time.LocalDate;
import java.util.List;
import org.casetrack.avro.ArrestRecord;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.EndDetention;
import org.casetrack.avro.Rejection;
import org.casetrack.avro.ReportArrest;

/**
 * Arrests and detention. An arrest changes the legal situation and the whereabouts, never the
 * trafficking status (many are arrested for what they were forced to do). One arrest is in force at a
 * time; a detention ends only if it began.
 */
final class LegalSituationRules {
    private LegalSituationRules() {
    }

    static Decision<Fact> arrest(CaseState state, ReportArrest a, DecisionContext context) {
        ArrestRecord previous = last(state.getArrests());
        Rejection rejection = Checks.first(
                () -> Checks.known(a.getDetentionType(), "detentionType"),
                () -> Checks.country(a.getCountry(), "country"),
                () -> state.getDetained() ? Rule.ALREADY_DETAINED.reject(null, "the person is already detained") : null,
                () -> Checks.notInFuture(a.getArrestedOn(), "arrestedOn", context),
                () -> Checks.notBefore(a.getArrestedOn(), state.getEscapedOn(), "arrestedOn", "the escape"),
                () -> Checks.notBefore(a.getArrestedOn(), previous == null ? null : latestDate(previous),
                        "arrestedOn", "the end of the previous detention"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(ArrestReported.newBuilder().setArrestedOn(a.getArrestedOn()).setCountry(a.getCountry())
                .setArrestingAuthority(a.getArrestingAuthority()).setDetentionType(a.getDetentionType())
                .setRelatedToTrafficking(a.getRelatedToTrafficking()).setPersonal(a.getPersonal()).build(), a.getArrestedOn()));
    }

    static Decision<Fact> endDetention(CaseState state, EndDetention end, DecisionContext context) {
        if (!state.getDetained()) {
            return Decision.reject(Rule.NOT_DETAINED, null, "no detention is in force");
        }
        ArrestRecord current = last(state.getArrests());
        Rejection rejection = Checks.first(
                () -> Checks.notInFuture(end.getEndedOn(), "endedOn", context),
                () -> Checks.notBefore(end.getEndedOn(), current.getArrestedOn(), "endedOn", "the arrest"),
                () -> Checks.notBefore(end.getEndedOn(), current.getLastOutcomeOn(), "endedOn", "the last detention outcome"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(DetentionEnded.newBuilder().setEndedOn(end.getEndedOn()).setOutcome(end.getOutcome()).build(),
                end.getEndedOn()));
    }

    private static LocalDate latestDate(ArrestRecord arrest) {
        return arrest.getLastOutcomeOn() != null ? arrest.getLastOutcomeOn() : arrest.getArrestedOn();
    }

    static ArrestRecord last(List<ArrestRecord> arrests) {
        return arrests.isEmpty() ? null : arrests.get(arrests.size() - 1);
    }
}
