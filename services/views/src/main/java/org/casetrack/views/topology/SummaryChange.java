package org.casetrack.views.topology;

import org.casetrack.avro.CaseSummary;

/** A case's summary before and after one of its events; passed between processors, never written to a topic. */
public record SummaryChange(CaseSummary before, CaseSummary after) {
}
