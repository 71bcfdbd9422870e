package org.casetrack.bench.data;

import java.time.LocalDate;
import org.casetrack.avro.CaseEvent;

/**
 * One generated case event, with the clear columns a plain events table would index for the same
 * counts (the PostgreSQL baseline).
 *
 * @param compoundId the compound an EscapeReported or CaseCompoundIdentified names; null otherwise
 */
public record GeneratedEvent(String caseId, long sequence, String type, String compoundId, String nationality,
                             LocalDate occurredOn, boolean intendsToReturn, CaseEvent event) {
}
