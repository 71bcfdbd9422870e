package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.CitizenshipBasis;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.Gender;

/** What the escape report said about the person in clear (corrections may change it), and where they came from. */
public record Person(
        String nationality,
        CitizenshipBasis citizenshipBasis,
        boolean stateless,
        Gender gender,
        AgeBand ageBand,
        boolean minor,
        boolean unaccompanied,
        boolean intendsToReturn,
        Circumstance circumstance,
        LocalDate escapedOn,
        String compoundId,
        boolean compoundUnknown,
        String reportId,
        int groupSize) {

    Person withCompound(String id) {
        return new Person(nationality, citizenshipBasis, stateless, gender, ageBand, minor, unaccompanied, intendsToReturn,
                circumstance, escapedOn, id, false, reportId, groupSize);
    }

    /** This person with one clear field corrected; an unknown field (a personal one) changes nothing here. */
    Person corrected(String field, String value) {
        Builder b = new Builder(this);
        switch (field) {
            case "nationality" -> b.nationality = value;
            case "gender" -> b.gender = Gender.valueOf(value);
            case "ageBand" -> b.ageBand = AgeBand.valueOf(value);
            case "circumstance" -> b.circumstance = Circumstance.valueOf(value);
            case "minor" -> b.minor = Boolean.parseBoolean(value);
            case "unaccompanied" -> b.unaccompanied = Boolean.parseBoolean(value);
            case "intendsToReturn" -> b.intendsToReturn = Boolean.parseBoolean(value);
            case "stateless" -> b.stateless = Boolean.parseBoolean(value);
            case "escapedOn" -> b.escapedOn = LocalDate.parse(value);
            case "compoundId" -> {
                b.compoundId = value;
                b.compoundUnknown = false;
            }
            default -> {
                return this;
            }
        }
        return b.build();
    }

    /** Corrections change one field of fourteen: a builder keeps that readable. */
    private static final class Builder {
        String nationality;
        CitizenshipBasis citizenshipBasis;
        boolean stateless;
        Gender gender;
        AgeBand ageBand;
        boolean minor;
        boolean unaccompanied;
        boolean intendsToReturn;
        Circumstance circumstance;
        LocalDate escapedOn;
        String compoundId;
        boolean compoundUnknown;
        String reportId;
        int groupSize;

        Builder(Person p) {
            nationality = p.nationality;
            citizenshipBasis = p.citizenshipBasis;
            stateless = p.stateless;
            gender = p.gender;
            ageBand = p.ageBand;
            minor = p.minor;
            unaccompanied = p.unaccompanied;
            intendsToReturn = p.intendsToReturn;
            circumstance = p.circumstance;
            escapedOn = p.escapedOn;
            compoundId = p.compoundId;
            compoundUnknown = p.compoundUnknown;
            reportId = p.reportId;
            groupSize = p.groupSize;
        }

        Person build() {
            return new Person(nationality, citizenshipBasis, stateless, gender, ageBand, minor, unaccompanied, intendsToReturn,
                    circumstance, escapedOn, compoundId, compoundUnknown, reportId, groupSize);
        }
    }
}
