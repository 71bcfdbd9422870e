package org.casetrack.casefiles.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.PersonalData;
import org.casetrack.casefiles.domain.Audience;

/**
 * Decrypted personal data as one caller may see it. Each field belongs to a data category an
 * embassy's consent can name (IDENTITY: names and birth date; CONTACT: contacts; LOCATION: current
 * and home location; HEALTH: health; DOCUMENTS: document numbers); the rest (languages, exploitation,
 * methods of control, abuses, arrest grounds, consent details, notes) only coordinators see.
 */
@Serdeable
public record PersonalView(@Nullable String fullName, @Nullable List<String> otherNames, @Nullable String birthDate,
                           @Nullable List<Document> documents, @Nullable List<Contact> contacts, @Nullable String currentLocation,
                           @Nullable String homeLocation, @Nullable List<String> languages, @Nullable List<String> exploitation,
                           @Nullable List<String> controlMethods, @Nullable String health, @Nullable String abusesReported,
                           @Nullable String arrestGrounds, @Nullable String consentDetails, @Nullable String notes) {

    /** What an erased case shows where its personal data was. */
    public static final String ERASED = "erased";

    @Serdeable
    public record Document(String kind, String number, @Nullable String issuingCountry) {
    }

    @Serdeable
    public record Contact(String channel, String value) {
    }

    /** The part of {@code data} this audience may see; empty when that is nothing. */
    public static Optional<PersonalView> of(PersonalData data, Audience audience) {
        boolean identity = audience.sees(DataCategory.IDENTITY);
        boolean all = audience.everything();
        PersonalView view = new PersonalView(
                identity ? text(data.getFullName()) : null,
                identity ? list(data.getOtherNames().stream().map(CharSequence::toString).toList()) : null,
                identity ? text(data.getBirthDate()) : null,
                audience.sees(DataCategory.DOCUMENTS) ? list(data.getDocuments().stream().map(d -> new Document(d.getKind().toString(),
                        d.getNumber().toString(), d.getIssuingCountry() == null ? null : d.getIssuingCountry().toString())).toList()) : null,
                audience.sees(DataCategory.CONTACT) ? list(data.getContacts().stream()
                        .map(c -> new Contact(c.getChannel().toString(), c.getValue().toString())).toList()) : null,
                audience.sees(DataCategory.LOCATION) ? text(data.getCurrentLocation()) : null,
                audience.sees(DataCategory.LOCATION) ? text(data.getHomeLocation()) : null,
                all ? list(data.getLanguages().stream().map(CharSequence::toString).toList()) : null,
                all ? list(data.getExploitation().stream().map(Enum::name).toList()) : null,
                all ? list(data.getControlMethods().stream().map(Enum::name).toList()) : null,
                audience.sees(DataCategory.HEALTH) ? text(data.getHealth()) : null,
                all ? text(data.getAbusesReported()) : null,
                all ? text(data.getArrestGrounds()) : null,
                all ? text(data.getConsentDetails()) : null,
                all ? text(data.getNotes()) : null);
        return view.isEmpty() ? Optional.empty() : Optional.of(view);
    }

    boolean isEmpty() {
        return fullName == null && otherNames == null && birthDate == null && documents == null && contacts == null
                && currentLocation == null && homeLocation == null && languages == null && exploitation == null
                && controlMethods == null && health == null && abusesReported == null && arrestGrounds == null
                && consentDetails == null && notes == null;
    }

    private static String text(CharSequence value) {
        return value == null ? null : value.toString();
    }

    private static <T> List<T> list(List<T> values) {
        return values.isEmpty() ? null : values;
    }
}
