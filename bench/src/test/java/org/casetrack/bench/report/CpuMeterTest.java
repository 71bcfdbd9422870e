package org.casetrack.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A phase's CPU and its collection pauses, the pauses counted only from the phase's start. */
class CpuMeterTest {

    @Test
    void aCollectionDuringThePhaseIsCountedAndNotOneBefore() {
        CpuMeter.Snapshot before = CpuMeter.snapshot();
        System.gc();
        await().atMost(Duration.ofSeconds(10)).until(() -> CpuMeter.since(before).gcPauses() >= 1);
        CpuMeter.Snapshot after = CpuMeter.snapshot();

        CpuMeter.Usage later = CpuMeter.since(after);
        CpuMeter.Usage phase = CpuMeter.since(before);
        assertThat(phase.gcPauses()).isGreaterThanOrEqualTo(1);
        assertThat(phase.longestGcMillis()).isLessThanOrEqualTo(phase.gcMillis());
        assertThat(phase.seconds()).isPositive();
        assertThat(later.gcPauses()).as("the collection before the second mark is not counted from it").isLessThan(phase.gcPauses());
    }

    @Test
    void onlyTheBeansOfPausesCount() {
        assertThat(GcPauses.isPauses("G1 Young Generation")).isTrue();
        assertThat(GcPauses.isPauses("G1 Old Generation")).isTrue();
        assertThat(GcPauses.isPauses("ZGC Pauses")).isTrue();
        assertThat(GcPauses.isPauses("ZGC Cycles")).isFalse();
        assertThat(GcPauses.isPauses("Shenandoah Cycles")).isFalse();
        assertThat(GcPauses.isPauses("G1 Concurrent GC")).isFalse();
    }
}
