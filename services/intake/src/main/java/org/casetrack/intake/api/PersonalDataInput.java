package org.casetrack.intake.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.casetrack.avro.Contact;
import org.casetrack.avro.ControlMethod;
import org.casetrack.avro.DocumentNumber;
import org.casetrack.avro.ExploitationType;
import org.casetrack.avro.PersonalData;

/** Reads a {@code personalData} object into the record that will be encrypted. */
final class PersonalDataInput {
    static final int TEXT = 4000;
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private PersonalDataInput() {
    }

    static PersonalData read(JsonInput in) {
        PersonalData.Builder data = PersonalData.newBuilder();
        in.optionalString("fullName", 300).ifPresent(data::setFullName);
        data.setOtherNames(in.stringList("otherNames", 20, v -> v.length() > 300 ? "must be at most 300 characters" : null));
        in.optionalString("birthDate", 10).ifPresent(v -> {
            if (PARTIAL_DATE.matcher(v).matches()) {
                data.setBirthDate(v);
            } else {
                in.invalid("birthDate", "must be YYYY, YYYY-MM or YYYY-MM-DD");
            }
        });
        List<DocumentNumber> documents = new ArrayList<>();
        for (JsonInput d : in.objectList("documents", 0, 20)) {
            String kind = d.requiredString("kind", 100);
            String number = d.requiredString("number", 100);
            String country = d.optionalCountry("issuingCountry", false).orElse(null);
            d.rejectUnknownFields();
            if (kind != null && number != null) {
                documents.add(new DocumentNumber(kind, number, country));
            }
        }
        data.setDocuments(documents);
        List<Contact> contacts = new ArrayList<>();
        for (JsonInput c : in.objectList("contacts", 0, 20)) {
            String channel = c.requiredString("channel", 50);
            String value = c.requiredString("value", 300);
            c.rejectUnknownFields();
            if (channel != null && value != null) {
                contacts.add(new Contact(channel, value));
            }
        }
        data.setContacts(contacts);
        in.optionalString("currentLocation", 1000).ifPresent(data::setCurrentLocation);
        in.optionalString("homeLocation", 1000).ifPresent(data::setHomeLocation);
        data.setLanguages(in.stringList("languages", 20, v -> LANGUAGE.matcher(v).matches() ? null : "must be ISO 639 codes in lower case"));
        data.setExploitation(in.enumList("exploitation", ExploitationType.class));
        data.setControlMethods(in.enumList("controlMethods", ControlMethod.class));
        in.optionalString("health", TEXT).ifPresent(data::setHealth);
        in.optionalString("abusesReported", TEXT).ifPresent(data::setAbusesReported);
        in.optionalString("notes", TEXT).ifPresent(data::setNotes);
        in.rejectUnknownFields();
        return data.build();
    }

    /** True when the record holds nothing (an empty personalData object). */
    static boolean isEmpty(PersonalData data) {
        return data.equals(PersonalData.newBuilder().build());
    }
}
