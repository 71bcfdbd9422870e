package org.casetrack.casefiles.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casetrack.avro.Contact;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.DocumentNumber;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.PersonalData;
import org.casetrack.casefiles.domain.Audience;
import org.casetrack.casefiles.store.StoredEvent;
import org.casetrack.schemas.crypto.Opened;
import org.junit.jupiter.api.Test;

/** The current personal data from a history's blocks, and the part of it each audience may see; no database. */
class PersonalDataViewTest {
    private static final PersonalData FULL = PersonalData.newBuilder().setFullName("Planted Name").setBirthDate("1994")
            .setContacts(List.of(new Contact("phone", "Planted phone"))).setCurrentLocation("Planted location")
            .setHealth("Planted health").setDocuments(List.of(new DocumentNumber("PASSPORT", "Planted-P1", "TH")))
            .setAbusesReported("Planted abuses").setNotes("Planted notes").build();

    @Test
    void anEmbassySeesOnlyTheFieldsOfItsConsentedCategories() {
        PersonalView identity = PersonalView.of(FULL, Audience.embassy(Set.of(DataCategory.IDENTITY))).orElseThrow();
        PersonalView contactAndHealth = PersonalView.of(FULL, Audience.embassy(Set.of(DataCategory.CONTACT, DataCategory.HEALTH))).orElseThrow();

        assertThat(identity.fullName()).isEqualTo("Planted Name");
        assertThat(identity.birthDate()).isEqualTo("1994");
        assertThat(identity.contacts()).isNull();
        assertThat(identity.health()).isNull();
        assertThat(identity.notes()).isNull();
        assertThat(identity.abusesReported()).isNull();
        assertThat(contactAndHealth.fullName()).isNull();
        assertThat(contactAndHealth.contacts()).extracting(PersonalView.Contact::value).containsExactly("Planted phone");
        assertThat(contactAndHealth.health()).isEqualTo("Planted health");
        assertThat(contactAndHealth.documents()).isNull();
        assertThat(PersonalView.of(FULL, Audience.embassy(Set.of(DataCategory.CASE_HISTORY)))).isEmpty();
    }

    @Test
    void aCoordinatorSeesEverything() {
        PersonalView all = PersonalView.of(FULL, Audience.coordinator()).orElseThrow();

        assertThat(all.abusesReported()).isEqualTo("Planted abuses");
        assertThat(all.notes()).isEqualTo("Planted notes");
        assertThat(all.documents()).extracting(PersonalView.Document::number).containsExactly("Planted-P1");
    }

    @Test
    void correctionsAndTravelDocumentsShapeTheCurrentDataAndOtherBlocksDoNot() {
        List<StoredEvent> history = List.of(
                event("EscapeReported", null),
                event("CaseDetailsCorrected", "fullName"),
                event("CaseDetailsCorrected", "notes"),
                event("ArrestReported", null),
                event("TravelDocumentIssued", null));
        Map<String, PersonalData> blocks = Map.of(
                "EscapeReported", FULL,
                "CaseDetailsCorrected:fullName", PersonalData.newBuilder().setFullName("Planted Corrected").setReason("reason").build(),
                "CaseDetailsCorrected:notes", PersonalData.newBuilder().setNotes("Planted new note").setReason("the old one was wrong").build(),
                "ArrestReported", PersonalData.newBuilder().setArrestGrounds("Planted grounds").build(),
                "TravelDocumentIssued", PersonalData.newBuilder().setDocuments(List.of(new DocumentNumber("ETD", "Planted-E2", null))).build());

        Opened current = CurrentPersonalData.of(history, e -> new Opened.Available(
                blocks.get(e.correctedField() == null ? e.type() : e.type() + ":" + e.correctedField())));

        PersonalData data = ((Opened.Available) current).data();
        assertThat(data.getFullName()).isEqualTo("Planted Corrected");
        assertThat(data.getNotes()).isEqualTo("Planted new note");
        assertThat(data.getReason()).as("a correction's reason is not the person's data").isNull();
        assertThat(data.getArrestGrounds()).isNull();
        assertThat(data.getHealth()).isEqualTo("Planted health");
        assertThat(data.getDocuments()).extracting(d -> d.getNumber().toString()).containsExactly("Planted-P1", "Planted-E2");
    }

    @Test
    void oneErasedBlockErasesTheWholeAndAHistoryWithoutBlocksHasNone() {
        List<StoredEvent> history = List.of(event("EscapeReported", null));

        assertThat(CurrentPersonalData.of(history, e -> new Opened.Erased("k"))).isInstanceOf(Opened.Erased.class);
        assertThat(CurrentPersonalData.of(List.of(new StoredEvent(UUID.randomUUID(), 1, "EscapeReported", null, null, Instant.now(), "o",
                "p", Map.of(), null, null)), e -> { throw new AssertionError("nothing to open"); })).isNull();
    }

    private static StoredEvent event(String type, String correctedField) {
        EncryptedBlock block = EncryptedBlock.newBuilder().setKeyId("k").setNonce(java.nio.ByteBuffer.wrap(new byte[12]))
                .setCiphertext(java.nio.ByteBuffer.wrap(new byte[16])).build();
        return new StoredEvent(UUID.randomUUID(), 1, type, null, null, Instant.now(), "IOM", "worker", Map.of(), correctedField, block);
    }
}
