package org.casetrack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The knobs of bench/run: the full run by default, --quick shorter, bad input refused with the option named. */
class BenchOptionsTest {

    @Test
    void defaultsAreTheFullRunOfTheIssue() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.intakeRates()).contains(1000);
        assertThat(options.queryRate()).isEqualTo(2000);
        assertThat(options.groupSize()).isEqualTo(40);
        assertThat(options.workers()).isEqualTo(64);
        assertThat(options.intakeWorkers()).isEqualTo(256);
        assertThat(options.jitSettleSeconds()).isEqualTo(180);
        assertThat(options.phases()).containsExactlyInAnyOrderElementsOf(BenchOptions.PHASES);
        assertThat(options.brokerInProcess()).as("the broker runs in a JVM of its own").isFalse();
        assertThat(BenchOptions.parse("--broker-in-process").brokerInProcess()).isTrue();
        assertThat(options.brokerKafkaDefaults()).as("the broker's JVM runs casetrack's options (ZGC)").isFalse();
        assertThat(BenchOptions.parse("--broker-kafka-defaults").brokerKafkaDefaults()).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse("--broker-in-process", "--broker-kafka-defaults"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--broker-kafka-defaults");
        assertThat(BenchOptions.parse("--ten-million").events()).isEqualTo(10_000_000);
    }

    @Test
    void quickIsShorterAndExplicitKnobsWin() {
        BenchOptions quick = BenchOptions.parse("--quick", "--events", "5000", "--intake-rates", "100,200", "--phases", "intake,queries");
        assertThat(quick.events()).isEqualTo(5000);
        assertThat(quick.phaseSeconds()).isLessThan(BenchOptions.parse().phaseSeconds());
        assertThat(quick.intakeRates()).isEqualTo(List.of(100, 200));
        assertThat(BenchOptions.parse("--intake-workers", "512").intakeWorkers()).isEqualTo(512);
        assertThat(quick.jitSettleSeconds()).isZero();
        assertThat(BenchOptions.parse("--quick", "--jit-settle-seconds", "60").jitSettleSeconds()).isEqualTo(60);
        assertThat(quick.runs("intake")).isTrue();
        assertThat(quick.runs("rebuild")).isFalse();
    }

    @Test
    void helpNamesEveryOption() {
        for (String option : List.of("--quick", "--events", "--ten-million", "--phase-seconds", "--warmup-seconds", "--jit-settle-seconds",
                "--intake-rates", "--group-size", "--query-rate", "--freshness-load", "--workers", "--intake-workers", "--sql-connections",
                "--compounds", "--baseline-records", "--e2e-records", "--seed", "--phases", "--out", "--no-jfr", "--jdk-http-client", "--broker-in-process",
                "--no-build", "--help")) {
            assertThat(BenchOptions.HELP).as(option).containsPattern("(?m)^\\s+" + option + "\\b");
        }
    }

    @Test
    void badKnobsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> BenchOptions.parse("--events", "many")).hasMessageContaining("--events");
        assertThatThrownBy(() -> BenchOptions.parse("--events")).hasMessageContaining("--events needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--phases", "intake,speed")).hasMessageContaining("speed");
        assertThatThrownBy(() -> BenchOptions.parse("--group-size", "501")).hasMessageContaining("500");
        assertThatThrownBy(() -> BenchOptions.parse("--intake-workers", "0")).hasMessageContaining("--intake-workers");
        assertThatThrownBy(() -> BenchOptions.parse("--jit-settle-seconds", "-1")).hasMessageContaining("--jit-settle-seconds");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("--fast");
    }
}
