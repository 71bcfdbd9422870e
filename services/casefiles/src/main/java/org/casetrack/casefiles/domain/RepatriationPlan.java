package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import org.casetrack.avro.RepatriationMode;

/** A scheduled repatriation, which may lie in the future. */
public record RepatriationPlan(LocalDate plannedOn, String destinationCountry, String crossingPoint, RepatriationMode mode) {
}
