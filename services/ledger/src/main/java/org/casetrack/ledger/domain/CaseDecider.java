package org.casetrack.ledger.domain;

import java.time.Instant;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CloseCase;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.CorrectCaseDetails;
import org.casetrack.avro.EndDetention;
import org.casetrack.avro.IdentifyCaseCompound;
import org.casetrack.avro.IssueTravelDocument;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.MakeReferral;
import org.casetrack.avro.RecordAssistance;
import org.casetrack.avro.RecordConsent;
import org.casetrack.avro.RecordPersonalDataErasure;
import org.casetrack.avro.RecordRepatriation;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.ReopenCase;
import org.casetrack.avro.ReportArrest;
import org.casetrack.avro.ReportEscape;
import org.casetrack.avro.ScheduleRepatriation;

/**
 * Decides case commands: {@code (state, command) -> events | rejection | wait for a compound}. State
 * null means no EscapeReported yet. Only the rules of the command's kind apply, after the two that
 * hold for every command: the case must exist, and a closed case takes nothing but a reopening (and the
 * record of an erasure, which must always be possible).
 */
public final class CaseDecider {
    private CaseDecider() {
    }

    public static Decision<CaseEvent> decide(CaseState state, CaseCommand command, DecisionContext context) {
        CommandMetadata metadata = command.getMetadata();
        Decision<Fact> decision = facts(state, metadata, command.getPayload(), context);
        long version = state == null ? 0 : state.getVersion();
        Instant now = context.now();
        return decision.map(facts -> Envelopes.caseEvents(metadata, version, now, facts));
    }

    private static Decision<Fact> facts(CaseState state, CommandMetadata metadata, Object payload, DecisionContext context) {
        if (payload instanceof ReportEscape escape) {
            return CaseOpening.decide(state, metadata, escape, context);
        }
        if (state == null) {
            return Decision.reject(Rule.UNKNOWN_CASE, "caseId", "no case with this id");
        }
        boolean closed = state.getLifecycle() == Lifecycle.CLOSED;
        if (closed && !(payload instanceof ReopenCase) && !(payload instanceof RecordPersonalDataErasure)) {
            return Decision.reject(Rule.CASE_CLOSED, null, "the case is closed: only a reopening is accepted");
        }
        if (payload instanceof ReportArrest arrest) {
            return LegalSituationRules.arrest(state, arrest, context);
        }
        if (payload instanceof EndDetention end) {
            return LegalSituationRules.endDetention(state, end, context);
        }
        if (payload instanceof ScheduleRepatriation schedule) {
            return LifecycleRules.schedule(state, schedule);
        }
        if (payload instanceof RecordRepatriation repatriation) {
            return LifecycleRules.repatriate(state, repatriation, context);
        }
        if (payload instanceof CloseCase close) {
            return LifecycleRules.close(state, close, context);
        }
        if (payload instanceof ReopenCase reopen) {
            return LifecycleRules.reopen(state, reopen, context);
        }
        if (payload instanceof RecordPersonalDataErasure erasure) {
            return LifecycleRules.erase(state, erasure, context);
        }
        if (payload instanceof CorrectCaseDetails correction) {
            return CorrectionRules.decide(state, correction, context);
        }
        if (payload instanceof IdentifyCaseCompound identify) {
            return CaseOpening.identifyCompound(state, identify, context);
        }
        if (payload instanceof RecordScreening screening) {
            return CaseFactRules.screening(state, screening, context);
        }
        if (payload instanceof MakeReferral referral) {
            return CaseFactRules.referral(state, referral, context);
        }
        if (payload instanceof RecordAssistance assistance) {
            return CaseFactRules.assistance(state, assistance, context);
        }
        if (payload instanceof IssueTravelDocument document) {
            return CaseFactRules.travelDocument(state, document, context);
        }
        if (payload instanceof RecordConsent consent) {
            return CaseFactRules.consent(state, consent, context);
        }
        return Decision.reject(Rule.INVALID_COMMAND, "payload", "unknown case command");
    }
}
