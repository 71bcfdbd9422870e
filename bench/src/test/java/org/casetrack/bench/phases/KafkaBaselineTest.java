package org.casetrack.bench.phases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ProducerPerformance's output read back: the whole run's summary, or after a warm-up only the steady state's. */
class KafkaBaselineTest {
    private static final List<String> WITH_WARMUP = List.of(
            "1997 records sent, 997.0 records/sec (0.36 MB/sec), 11.8 ms avg latency, 397.0 ms max latency.",
            "2003 records sent, 1001.0 records/sec (0.36 MB/sec), 4.1 ms avg latency, 18.0 ms max latency.",
            "20000 records sent, 997.937596 records/sec (0.36 MB/sec), 4.86 ms avg latency, 397.00 ms max latency, 4 ms 50th, 7 ms 95th, "
                    + "44 ms 99th, 49 ms 99.9th.",
            "15000 steady state records sent, 1000.100000 records/sec (0.36 MB/sec), 3.80 ms avg latency, 20.00 ms max latency, "
                    + "4 ms 50th, 6 ms 95th, 9 ms 99th, 17 ms 99.9th.");

    @Test
    void afterAWarmUpOnlyTheSteadyStateCounts() {
        KafkaBaseline.Produced p = KafkaBaseline.produced(WITH_WARMUP, true);
        assertThat(p.recordsPerSecond()).isEqualTo(1000.1);
        assertThat(p.p50()).isEqualTo(4);
        assertThat(p.p99()).isEqualTo(9);
        assertThat(p.p999()).isEqualTo(17);
    }

    @Test
    void withoutAWarmUpTheWholeRunCounts() {
        KafkaBaseline.Produced p = KafkaBaseline.produced(WITH_WARMUP.subList(0, 3), false);
        assertThat(p.recordsPerSecond()).isEqualTo(997.937596);
        assertThat(p.megabytesPerSecond()).isEqualTo(0.36);
        assertThat(p.p99()).isEqualTo(44);
    }

    @Test
    void aMissingSteadyStateLineIsAnErrorNotTheWholeRunInstead() {
        assertThatThrownBy(() -> KafkaBaseline.produced(WITH_WARMUP.subList(0, 3), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no steady-state summary line");
    }
}
