package org.casetrack.ledger.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.Gender;

/**
 * The clear case fields a correction may change: how each new value is checked (and written in its
 * canonical form), and how the current value reads, for the event's previousValue.
 */
enum ClearField {
    NATIONALITY("nationality", v -> Checks.isCountry(v) ? v : null, CaseState::getNationality),
    GENDER("gender", v -> symbol(v, Gender.class), CaseState::getGender),
    AGE_BAND("ageBand", v -> symbol(v, AgeBand.class), CaseState::getAgeBand),
    CIRCUMSTANCE("circumstance", v -> symbol(v, Circumstance.class), CaseState::getCircumstance),
    MINOR("minor", ClearField::bool, CaseState::getMinor),
    UNACCOMPANIED("unaccompanied", ClearField::bool, CaseState::getUnaccompanied),
    INTENDS_TO_RETURN("intendsToReturn", ClearField::bool, CaseState::getIntendsToReturn),
    STATELESS("stateless", ClearField::bool, CaseState::getStateless),
    ESCAPED_ON("escapedOn", v -> CorrectionRules.parsesAsDate(v) ? v : null, CaseState::getEscapedOn),
    COMPOUND_ID("compoundId", v -> v.isBlank() ? null : v, CaseState::getCompoundId);

    private final String fieldName;
    private final UnaryOperator<String> normaliser;
    private final Function<CaseState, Object> reader;

    ClearField(String fieldName, UnaryOperator<String> normaliser, Function<CaseState, Object> reader) {
        this.fieldName = fieldName;
        this.normaliser = normaliser;
        this.reader = reader;
    }

    static ClearField named(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst().orElse(null);
    }

    String fieldName() {
        return fieldName;
    }

    /** The value in canonical form, or null when it is not a valid value of this field. */
    String normalise(String value) {
        return value == null ? null : normaliser.apply(value);
    }

    String read(CaseState state) {
        Object value = reader.apply(state);
        return value == null ? null : value.toString();
    }

    private static String bool(String value) {
        return "true".equals(value) || "false".equals(value) ? value : null;
    }

    private static <E extends Enum<E>> String symbol(String value, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .filter(n -> n.equals(value.toUpperCase(Locale.ROOT))).findFirst().orElse(null);
    }
}
