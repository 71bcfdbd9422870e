package org.casetrack.casefiles.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.casetrack.avro.DocumentNumber;
import org.casetrack.avro.PersonalData;
import org.casetrack.casefiles.store.StoredEvent;
import org.casetrack.schemas.crypto.Opened;

/**
 * A person's current personal data, from the blocks of their history: the escape report's block,
 * then each correction of a personal field (its block holds the new value, and the reason apart),
 * and the numbers of travel documents issued since. One key per case: when any block reads as
 * erased, the whole of it is erased.
 */
final class CurrentPersonalData {
    private static final Set<String> FIELDS = PersonalData.getClassSchema().getFields().stream().map(Schema.Field::name)
            .collect(Collectors.toUnmodifiableSet());

    private CurrentPersonalData() {
    }

    /** @return the merged data, {@link Opened.Erased}, or null when the history holds no personal data */
    static Opened of(List<StoredEvent> history, Function<StoredEvent, Opened> open) {
        PersonalData merged = null;
        for (StoredEvent event : history) {
            if (event.block() == null || !shapesCurrentData(event)) {
                continue;
            }
            Opened opened = open.apply(event);
            if (opened instanceof Opened.Erased) {
                return opened;
            }
            PersonalData data = ((Opened.Available) opened).data();
            if (merged == null) {
                merged = PersonalData.newBuilder().build();
            }
            switch (event.type()) {
                case "EscapeReported" -> merged = PersonalData.newBuilder(data).build();
                case "TravelDocumentIssued" -> {
                    List<DocumentNumber> documents = new ArrayList<>(merged.getDocuments());
                    documents.addAll(data.getDocuments());
                    merged.setDocuments(documents);
                }
                default -> corrected(merged, event.correctedField(), data);
            }
        }
        return merged == null ? null : new Opened.Available(merged);
    }

    static boolean shapesCurrentData(StoredEvent event) {
        return switch (event.type()) {
            case "EscapeReported", "TravelDocumentIssued" -> true;
            case "CaseDetailsCorrected" -> FIELDS.contains(event.correctedField());
            default -> false;
        };
    }

    /** A correction's block holds the corrected field's new value (and the reason in its own field). */
    private static void corrected(PersonalData merged, String field, PersonalData data) {
        if (!"reason".equals(field)) {
            merged.put(field, data.get(field));
        }
    }
}
