package org.casetrack.ledger.domain;

import java.time.LocalDate;
import org.apache.avro.specific.SpecificRecord;

/** An event payload before it gets its envelope, with the day it happened in the world (null when none applies). */
public record Fact(SpecificRecord payload, LocalDate occurredOn) {
}
