package org.casetrack.ledger.domain;

import java.time.LocalDate;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.Gender;

/** Applies a CaseDetailsCorrected to the clear facts; a personal field's correction changes nothing the ledger holds. */
final class Corrections {
    private Corrections() {
    }

    static void apply(CaseState.Builder next, CaseDetailsCorrected c) {
        ClearField field = ClearField.named(c.getField());
        String value = c.getValue();
        if (field == null || value == null) {
            return;
        }
        switch (field) {
            case NATIONALITY -> next.setNationality(value);
            case GENDER -> next.setGender(Gender.valueOf(value));
            case AGE_BAND -> next.setAgeBand(AgeBand.valueOf(value));
            case CIRCUMSTANCE -> next.setCircumstance(Circumstance.valueOf(value));
            case MINOR -> next.setMinor(Boolean.parseBoolean(value));
            case UNACCOMPANIED -> next.setUnaccompanied(Boolean.parseBoolean(value));
            case INTENDS_TO_RETURN -> next.setIntendsToReturn(Boolean.parseBoolean(value));
            case STATELESS -> next.setStateless(Boolean.parseBoolean(value));
            case ESCAPED_ON -> next.setEscapedOn(LocalDate.parse(value));
            case COMPOUND_ID -> next.setCompoundId(value).setCompoundUnknown(false);
            default -> throw new IllegalStateException("Unhandled correctable field " + field);
        }
    }
}
