package org.casetrack.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.CorrectCaseDetails;
import org.casetrack.avro.Gender;
import org.casetrack.avro.PersonalData;
import org.casetrack.intake.domain.Draft;

/**
 * A correction names the field and the reason. A clear field's new value travels in clear (checked
 * here as it would be on a report); a personal field's value and every reason travel encrypted.
 */
final class CorrectionInput {
    /** Clear fields and the request field that validates their value. */
    static final Set<String> CLEAR_FIELDS = Set.of("nationality", "gender", "ageBand", "minor", "unaccompanied",
            "intendsToReturn", "stateless", "escapedOn", "compoundId", "circumstance");
    private static final Map<String, BiConsumer<PersonalData.Builder, String>> PERSONAL_FIELDS = Map.of(
            "fullName", PersonalData.Builder::setFullName,
            "birthDate", PersonalData.Builder::setBirthDate,
            "currentLocation", PersonalData.Builder::setCurrentLocation,
            "homeLocation", PersonalData.Builder::setHomeLocation,
            "health", PersonalData.Builder::setHealth,
            "abusesReported", PersonalData.Builder::setAbusesReported,
            "notes", PersonalData.Builder::setNotes);

    private CorrectionInput() {
    }

    static Draft read(JsonInput in, JsonNode body) {
        String field = in.requiredString("field", 50);
        String reason = in.requiredString("reason", PersonalDataInput.TEXT);
        PersonalData.Builder personal = PersonalData.newBuilder();
        String clearValue = null;
        if (field != null && CLEAR_FIELDS.contains(field)) {
            clearValue = clearValue(in, field, body.get("value"));
        } else if (field != null && PERSONAL_FIELDS.containsKey(field)) {
            in.requiredString("value", PersonalDataInput.TEXT);
            JsonNode value = body.get("value");
            if (value != null && value.isTextual()) {
                PERSONAL_FIELDS.get(field).accept(personal, value.asText().strip());
            }
        } else if (field != null) {
            in.invalid("field", "must be one of " + String.join(", ", CLEAR_FIELDS) + ", " + String.join(", ", PERSONAL_FIELDS.keySet()));
            in.has("value");
        }
        in.rejectUnknownFields();
        if (!in.problems().isEmpty()) {
            return null;
        }
        // the reason is free text: encrypted, with any personal value
        PersonalData sealed = personal.setReason(reason).build();
        CorrectCaseDetails.Builder b = CorrectCaseDetails.newBuilder().setField(field).setValue(clearValue).setReasonGiven(true);
        // field and reason are present here: the request was refused above otherwise
        return new Draft(block -> b.setPersonal(block).build(), sealed);
    }

    private static String clearValue(JsonInput in, String field, JsonNode value) {
        return switch (field) {
            case "nationality" -> in.requiredCountry("value", true);
            case "gender" -> name(in.requiredEnum("value", Gender.class));
            case "circumstance" -> name(in.requiredEnum("value", Circumstance.class));
            case "ageBand" -> {
                if (value == null) {
                    in.invalid("value", "is required");
                    yield null;
                }
                yield EscapeInput.ageBand(in, "value").name();
            }
            case "minor", "unaccompanied", "intendsToReturn", "stateless" -> {
                boolean flag = in.requiredBoolean("value");
                yield Boolean.toString(flag);
            }
            case "escapedOn" -> {
                var date = in.requiredPastDate("value");
                yield date == null ? null : date.toString();
            }
            case "compoundId" -> in.optionalUuid("value").orElseGet(() -> {
                if (value == null) {
                    in.invalid("value", "is required");
                }
                return null;
            });
            default -> throw new IllegalStateException("unhandled clear field " + field);
        };
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
