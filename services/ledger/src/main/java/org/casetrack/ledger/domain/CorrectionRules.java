package org.casetrack.ledger.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CorrectCaseDetails;
import org.casetrack.avro.PersonalData;
import org.casetrack.avro.Rejection;

/**
 * Corrections name the field and give a reason (which travels encrypted). A clear field gets its new
 * value in clear and the event keeps the previous one; a personal field (one of PersonalData's) has no
 * clear value: its new value is in the encrypted block. A corrected compound waits for the registry like
 * any compound reference.
 */
final class CorrectionRules {
    static final Set<String> PERSONAL_FIELDS = PersonalData.getClassSchema().getFields().stream().map(Schema.Field::name)
            .collect(Collectors.toUnmodifiableSet());

    private CorrectionRules() {
    }

    static Decision<Fact> decide(CaseState state, CorrectCaseDetails c, DecisionContext context) {
        String field = c.getField();
        if (!c.getReasonGiven() || c.getPersonal() == null) {
            return Decision.reject(Rule.INVALID_CORRECTION, "reason", "a correction needs a reason");
        }
        if (field != null && PERSONAL_FIELDS.contains(field)) {
            if (c.getValue() != null) {
                return Decision.reject(Rule.INVALID_CORRECTION, "value", "a personal field's new value travels encrypted, not in clear");
            }
            return accept(c, null, null);
        }
        ClearField clear = ClearField.named(field);
        if (clear == null) {
            return Decision.reject(Rule.INVALID_CORRECTION, "field", "no correctable field of this name");
        }
        String value = clear.normalise(c.getValue());
        if (value == null) {
            return Decision.reject(Rule.INVALID_CORRECTION, "value", "not a valid value for " + clear.fieldName());
        }
        Rejection rejection = clear == ClearField.ESCAPED_ON ? escapeDate(state, LocalDate.parse(value), context) : null;
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        if (clear == ClearField.COMPOUND_ID && !context.isKnownCompound(value)) {
            return Decision.awaitCompound(value, "value");
        }
        return accept(c, value, clear.read(state));
    }

    private static Rejection escapeDate(CaseState state, LocalDate escapedOn, DecisionContext context) {
        return Checks.first(
                () -> Checks.notInFuture(escapedOn, "value", context),
                () -> state.getEarliestLaterFactOn() != null && escapedOn.isAfter(state.getEarliestLaterFactOn())
                        ? Rule.DATE_OUT_OF_ORDER.reject("value", "escapedOn would come after later facts of the case") : null);
    }

    private static Decision<Fact> accept(CorrectCaseDetails c, String value, String previous) {
        return Decision.accept(new Fact(CaseDetailsCorrected.newBuilder().setField(c.getField()).setValue(value)
                .setPreviousValue(previous).setPersonal(c.getPersonal()).build(), null));
    }

    static boolean parsesAsDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
