package org.casetrack.bench.load;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps a warm-up load going until the JIT has settled. The services and the load generator run in
 * this one JVM: on a 2-core machine its compiler threads stay busy for minutes after the
 * first load, and a fixed-rate phase measured meanwhile measures them (at 500 reports/s, 80 s after
 * the start, they used 0.48 of the 2 cores). After the fixed warm-up, the load runs on in slices while
 * the compilers took more than {@code share} of one core in the last slice, for {@code max} at most.
 * The compilers' share is their threads' CPU time where Linux tells it ({@link CompilerCpu}), else the
 * JVM's compilation time, which also counts their waits for a core.
 */
public final class JitSettling {
    /** How long the load ran on after the fixed warm-up, and the compilers' share of a core in its last slice. */
    public record Outcome(Duration extra, double lastShare, boolean settled) {
        /** How the warm-up of {@code load} ended, as one sentence for the report. */
        public String describe(String load) {
            if (extra.isZero()) {
                return String.format(Locale.ROOT, "%s for the set warm-up; the JIT compilers %s (they used %.2f of a core in it).", load,
                        settled ? "had settled by its end" : "were still compiling when the measured load began", lastShare);
            }
            return String.format(Locale.ROOT, "%s for the set warm-up, then %d s more while the JIT compilers were busy; %s (the"
                    + " compilers used %.2f of a core in the last slice).", load, extra.toSeconds(),
                    settled ? "settled" : "still compiling when the measured load began", lastShare);
        }
    }

    private final LongSupplier compileMillis;
    private final LongSupplier nanoTime;
    private final Duration slice;
    private final double share;
    private final Duration max;
    private final PrintStream out;

    public JitSettling(Duration slice, double share, Duration max, PrintStream out) {
        this(CompilerCpu.available() ? CompilerCpu::millis : JitSettling::totalCompilationMillis, System::nanoTime, slice, share,
                max, out);
    }

    JitSettling(LongSupplier compileMillis, LongSupplier nanoTime, Duration slice, double share, Duration max, PrintStream out) {
        if (slice.isZero() || slice.isNegative() || share <= 0) {
            throw new IllegalArgumentException("A settling slice must be positive and its share above 0");
        }
        this.compileMillis = compileMillis;
        this.nanoTime = nanoTime;
        this.slice = slice;
        this.share = share;
        this.max = max;
        this.out = out;
    }

    /**
     * Total time the JIT compilers spent compiling since this JVM started, in ms (summed over compiler
     * threads): wall time, so on a busy machine it counts the time a compiler waited for a core too.
     */
    static long totalCompilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * Runs {@code load} for the warm-up, then in slices until the JIT has settled or {@code max} has
     * passed; {@code max} zero runs the warm-up alone.
     */
    public Outcome warmUp(String what, Duration warmup, Consumer<Duration> load) {
        Duration length = warmup;
        Duration extra = Duration.ZERO;
        while (true) {
            long before = compileMillis.getAsLong();
            long started = nanoTime.getAsLong();
            load.accept(length);
            long elapsed = nanoTime.getAsLong() - started;
            double last = shareSince(before, elapsed);
            boolean settled = last <= share;
            if (settled || extra.compareTo(max) >= 0) {
                if (!extra.isZero() || !settled) {
                    out.printf(Locale.ROOT, "%s: %s after %d s more of warm-up (the JIT compilers at %.2f of a core)%n",
                            what, settled ? "settled" : "still compiling", extra.toSeconds(), last);
                }
                return new Outcome(extra, last, settled);
            }
            out.printf(Locale.ROOT, "%s: the JIT compilers used %.2f of a core in the last %d s; warming up %d s more%n",
                    what, last, Duration.ofNanos(elapsed).toSeconds(), slice.toSeconds());
            length = slice;
            extra = extra.plus(slice);
        }
    }

    private double shareSince(long beforeMillis, long elapsedNanos) {
        return elapsedNanos <= 0 ? 0 : Math.max(0, compileMillis.getAsLong() - beforeMillis) / (elapsedNanos / 1e6);
    }
}
