package org.casetrack.ledger.domain;

import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.IdentifyCaseCompound;
import org.casetrack.avro.Rejection;
import org.casetrack.avro.ReportEscape;

/** Opening a case (one person out of a compound) and naming its compound later. */
final class CaseOpening {
    private CaseOpening() {
    }

    static Decision<Fact> decide(CaseState state, CommandMetadata metadata, ReportEscape e, DecisionContext context) {
        if (state != null) {
            return Decision.reject(Rule.CASE_EXISTS, "caseId", "a case with this id exists");
        }
        boolean named = e.getCompoundId() != null && !e.getCompoundId().isBlank();
        Rejection rejection = Checks.first(
                () -> named && e.getCompoundUnknown()
                        ? Rule.INVALID_COMMAND.reject("compoundId", "give a compoundId or compoundUnknown, not both") : null,
                () -> !named && !e.getCompoundUnknown()
                        ? Rule.INVALID_COMMAND.reject("compoundId", "compoundId is required unless compoundUnknown is true") : null,
                () -> Checks.country(e.getNationality(), "nationality"),
                () -> e.getGroupSize() < 1 ? Rule.INVALID_COMMAND.reject("groupSize", "groupSize must be at least 1") : null,
                () -> Checks.notInFuture(e.getEscapedOn(), "escapedOn", context));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        if (named && !context.isKnownCompound(e.getCompoundId())) {
            return Decision.awaitCompound(e.getCompoundId(), "compoundId");
        }
        // a command outside any report (a field system's) is its own report
        var reportId = metadata.getReportId() != null ? metadata.getReportId() : metadata.getCommandId();
        return Decision.accept(new Fact(EscapeReported.newBuilder()
                .setCompoundId(named ? e.getCompoundId() : null).setCompoundUnknown(!named)
                .setEscapedOn(e.getEscapedOn()).setCircumstance(e.getCircumstance())
                .setNationality(e.getNationality()).setCitizenshipBasis(e.getCitizenshipBasis()).setStateless(e.getStateless())
                .setGender(e.getGender()).setAgeBand(e.getAgeBand()).setMinor(e.getMinor()).setUnaccompanied(e.getUnaccompanied())
                .setIntendsToReturn(e.getIntendsToReturn()).setReportId(reportId).setGroupSize(e.getGroupSize())
                .setWhereabouts(e.getWhereabouts()).setPersonal(e.getPersonal()).build(), e.getEscapedOn()));
    }

    static Decision<Fact> identifyCompound(CaseState state, IdentifyCaseCompound identify, DecisionContext context) {
        Rejection rejection = Checks.required(identify.getCompoundId(), "compoundId");
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        if (!context.isKnownCompound(identify.getCompoundId())) {
            return Decision.awaitCompound(identify.getCompoundId(), "compoundId");
        }
        return Decision.accept(new Fact(CaseCompoundIdentified.newBuilder().setCompoundId(identify.getCompoundId())
                .setPreviousCompoundId(state.getCompoundId()).build(), null));
    }
}
