package org.casetrack.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuProbeTest {
    @Test
    void theProbeHashesForTheLengthAskedAndGivesAFiniteRate() {
        long started = System.nanoTime();

        double rate = CpuProbe.megabytesPerSecond(Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(rate).isPositive().isFinite();
    }
}
