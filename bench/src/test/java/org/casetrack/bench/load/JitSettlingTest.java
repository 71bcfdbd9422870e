package org.casetrack.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The warm-up runs on while the JIT compilers are busy, and stops once they are not or at the cap. */
class JitSettlingTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong compiled = new AtomicLong();
    private final List<Duration> loads = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /** A load during which the compilers use the next of these shares of a core. */
    private Consumer<Duration> load(double... shares) {
        return duration -> {
            double share = shares[Math.min(loads.size(), shares.length - 1)];
            loads.add(duration);
            nanos.addAndGet(duration.toNanos());
            compiled.addAndGet((long) (share * duration.toMillis()));
        };
    }

    private JitSettling settling(Duration max) {
        return new JitSettling(compiled::get, nanos::get, Duration.ofSeconds(10), 0.1, max,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsOnInSlicesWhileTheCompilersAreBusy() {
        JitSettling.Outcome outcome = settling(Duration.ofSeconds(120)).warmUp("intake", Duration.ofSeconds(30), load(0.9, 0.4, 0.2, 0.05));

        assertThat(loads).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(outcome.extra()).isEqualTo(Duration.ofSeconds(30));
        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.lastShare()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.001));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("intake: the JIT compilers used 0.90 of a core in the last 30 s; warming up 10 s more")
                .contains("intake: settled after 30 s more of warm-up");
    }

    @Test
    void stopsAtTheCapAndSaysTheJitIsStillCompiling() {
        JitSettling.Outcome outcome = settling(Duration.ofSeconds(20)).warmUp("intake", Duration.ofSeconds(10), load(0.5));

        assertThat(loads).hasSize(3);
        assertThat(outcome.settled()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("intake: still compiling after 20 s more of warm-up");
    }

    @Test
    void aQuietJitEndsTheWarmUpAtOnceAndSaysNothing() {
        JitSettling.Outcome outcome = settling(Duration.ofSeconds(120)).warmUp("intake", Duration.ofSeconds(10), load(0.01));

        assertThat(loads).containsExactly(Duration.ofSeconds(10));
        assertThat(outcome.extra()).isZero();
        assertThat(printed.size()).isZero();
    }

    @Test
    void noCapMeansTheFixedWarmUpAlone() {
        JitSettling.Outcome outcome = settling(Duration.ZERO).warmUp("intake", Duration.ofSeconds(10), load(0.9));

        assertThat(loads).containsExactly(Duration.ofSeconds(10));
        assertThat(outcome.settled()).isFalse();
    }

    @Test
    void theReportSentenceSaysWhetherTheWarmUpRanOn() {
        assertThat(new JitSettling.Outcome(Duration.ZERO, 0.04, true).describe("victims"))
                .isEqualTo("victims for the set warm-up; the JIT compilers had settled by its end (they used 0.04 of a core in it).");
        assertThat(new JitSettling.Outcome(Duration.ZERO, 0.9, false).describe("victims"))
                .isEqualTo("victims for the set warm-up; the JIT compilers were still compiling when the measured load began"
                        + " (they used 0.90 of a core in it).");
        assertThat(new JitSettling.Outcome(Duration.ofSeconds(20), 0.06, true).describe("victims"))
                .isEqualTo("victims for the set warm-up, then 20 s more while the JIT compilers were busy; settled (the compilers"
                        + " used 0.06 of a core in the last slice).");
        assertThat(new JitSettling.Outcome(Duration.ofSeconds(180), 0.3, false).describe("victims"))
                .endsWith("then 180 s more while the JIT compilers were busy; still compiling when the measured load began (the"
                        + " compilers used 0.30 of a core in the last slice).");
    }

    @Test
    void refusesAnEmptySlice() {
        assertThatThrownBy(() -> new JitSettling(Duration.ZERO, 0.1, Duration.ofSeconds(60), System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
