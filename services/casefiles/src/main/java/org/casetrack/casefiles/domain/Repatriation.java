package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import org.casetrack.avro.RepatriationMode;

/** A completed repatriation: date, destination, crossing point and how. */
public record Repatriation(LocalDate repatriatedOn, String destinationCountry, String crossingPoint, RepatriationMode mode) {
}
