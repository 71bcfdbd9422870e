package org.casetrack.casefiles.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.casetrack.avro.EncryptedBlock;

/**
 * One row of a case's history as stored: metadata, clear fields, and the encrypted block as the log
 * holds it (null when the event carried none).
 *
 * @param correctedField the field a CaseDetailsCorrected names
 */
public record StoredEvent(UUID eventId, long sequence, String type, LocalDate occurredOn, Instant occurredAt, Instant recordedAt,
                          String organisation, String principal, Map<String, Object> details, String correctedField,
                          EncryptedBlock block) {
}
