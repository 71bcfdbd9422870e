package org.casetrack.intake.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.CitizenshipBasis;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.Gender;
import org.casetrack.avro.ReportEscape;
import org.casetrack.avro.Whereabouts;
import org.casetrack.intake.domain.Draft;

/** An escape report: one draft ReportEscape per person, in the order of the report. */
final class EscapeInput {
    static final int MAX_PERSONS = 500;
    private static final Map<String, AgeBand> BANDS = Map.of(
            "0-11", AgeBand.AGE_0_11, "12-17", AgeBand.AGE_12_17, "18-24", AgeBand.AGE_18_24,
            "25-34", AgeBand.AGE_25_34, "35-44", AgeBand.AGE_35_44, "45-54", AgeBand.AGE_45_54,
            "55-64", AgeBand.AGE_55_64, "65+", AgeBand.AGE_65_PLUS, "UNKNOWN", AgeBand.UNKNOWN);

    private EscapeInput() {
    }

    static List<Draft> read(JsonInput in) {
        String compoundId = in.optionalUuid("compoundId").orElse(null);
        boolean compoundUnknown = in.optionalBoolean("compoundUnknown", false);
        if (compoundId == null && !compoundUnknown && !in.has("compoundId")) {
            in.invalid("compoundId", "is required unless compoundUnknown is true");
        }
        if (compoundId != null && compoundUnknown) {
            in.invalid("compoundUnknown", "must be false when compoundId is given");
        }
        LocalDate escapedOn = in.requiredPastDate("occurredOn");
        Circumstance circumstance = in.requiredEnum("circumstance", Circumstance.class);
        List<JsonInput> persons = in.objectList("persons", 1, MAX_PERSONS);
        Whereabouts reportWhereabouts = in.optionalEnum("whereabouts", Whereabouts.class).orElse(Whereabouts.UNKNOWN);
        List<Draft> drafts = new ArrayList<>();
        for (JsonInput p : persons) {
            drafts.add(person(p, compoundId, compoundUnknown, escapedOn, circumstance, persons.size(), reportWhereabouts));
        }
        in.rejectUnknownFields();
        return in.problems().isEmpty() ? drafts : List.of();
    }

    private static Draft person(JsonInput p, String compoundId, boolean compoundUnknown, LocalDate escapedOn,
                                Circumstance circumstance, int groupSize, Whereabouts reportWhereabouts) {
        ReportEscape.Builder b = ReportEscape.newBuilder();
        JsonInput.set(compoundId, b::setCompoundId);
        JsonInput.set(compoundUnknown, b::setCompoundUnknown);
        JsonInput.set(escapedOn, b::setEscapedOn);
        JsonInput.set(circumstance, b::setCircumstance);
        JsonInput.set(groupSize, b::setGroupSize);
        JsonInput.set(p.requiredCountry("nationality", true), b::setNationality);
        JsonInput.set(p.optionalBoolean("stateless", false), b::setStateless);
        JsonInput.set(p.optionalEnum("citizenshipBasis", CitizenshipBasis.class).orElse(CitizenshipBasis.UNKNOWN), b::setCitizenshipBasis);
        JsonInput.set(p.optionalEnum("gender", Gender.class).orElse(Gender.UNKNOWN), b::setGender);
        JsonInput.set(p.optionalBoolean("unaccompanied", false), b::setUnaccompanied);
        JsonInput.set(p.optionalBoolean("intendsToReturn", true), b::setIntendsToReturn);
        JsonInput.set(p.optionalEnum("whereabouts", Whereabouts.class).orElse(reportWhereabouts), b::setWhereabouts);
        AgeBand band = ageBand(p, "ageBand");
        boolean childBand = band == AgeBand.AGE_0_11 || band == AgeBand.AGE_12_17;
        Boolean minor = p.optionalBoolean("minor").orElse(childBand);
        if (childBand && !minor) {
            p.invalid("minor", "must be true for age band " + (band == AgeBand.AGE_0_11 ? "0-11" : "12-17"));
        } else if (minor && band != AgeBand.UNKNOWN && !childBand) {
            p.invalid("minor", "must be false for an adult age band");
        }
        if (b.getStateless() && !"XX".equals(b.getNationality())) {
            p.invalid("nationality", "must be XX for a stateless person");
        }
        b.setAgeBand(band).setMinor(minor);
        var personal = p.optionalObject("personalData").map(PersonalDataInput::read)
                .filter(d -> !PersonalDataInput.isEmpty(d)).orElse(null);
        p.rejectUnknownFields();
        return new Draft(block -> b.setPersonal(block).build(), personal);
    }

    static AgeBand ageBand(JsonInput p, String field) {
        return p.optionalString(field, 10).map(text -> {
            AgeBand band = BANDS.get(text);
            if (band == null) {
                p.invalid(field, "must be one of 0-11, 12-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+, UNKNOWN");
                return AgeBand.UNKNOWN;
            }
            return band;
        }).orElse(AgeBand.UNKNOWN);
    }
}
