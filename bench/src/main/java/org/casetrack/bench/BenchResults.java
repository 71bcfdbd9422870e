package org.casetrack.bench;

import java.util.Map;
import org.casetrack.bench.phases.FreshnessPhase;
import org.casetrack.bench.phases.IntakePhase;
import org.casetrack.bench.phases.KafkaBaseline;
import org.casetrack.bench.phases.PersonRecords;
import org.casetrack.bench.phases.PostgresBaseline;
import org.casetrack.bench.phases.QueryPhase;
import org.casetrack.bench.phases.RebuildPhase;
import org.casetrack.bench.report.CpuMeter;
import org.casetrack.bench.report.JfrSummary;
import org.casetrack.bench.report.StreamsActivity;

/**
 * Everything a run measured, and where its broker ran; a phase that was not run is null ({@code personRecords} runs with the
 * intake phase).
 */
public record BenchResults(KafkaBaseline.Result kafka, PersonRecords.Result personRecords, IntakePhase.Result intake, FreshnessPhase.Result freshness, RebuildPhase.Result rebuild,
                           QueryPhase.Result viewVictims, QueryPhase.Result viewUnrepatriated, PostgresBaseline.Loaded postgres,
                           QueryPhase.Result sqlVictims, QueryPhase.Result sqlUnrepatriated, Map<String, CpuMeter.Usage> cpu,
                           JfrSummary jfr, Map<String, StreamsActivity> streams, int eventSize, String broker) {
}
