package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.casetrack.bench.data.ReportBodies;
import org.casetrack.bench.load.Api;
import org.casetrack.bench.load.JitSettling;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.load.OpenLoop;

/**
 * How long after its 201 a report is visible in the views: one probe at a time, a single-person report
 * on a compound only the probes report on, then its victims count polled over HTTP until it shows the
 * new person; meanwhile other reports arrive at a steady background rate. The poll interval bounds the
 * resolution. A warm-up of the same shape goes first, unmeasured, as in the other load phases.
 */
public final class FreshnessPhase {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final long HIGHEST_MICROS = Duration.ofMinutes(5).toNanos() / 1000;

    public record Result(JitSettling.Outcome warmedUp, Histogram latency, long probes, long notVisible, LoadResult background,
                         Duration pollInterval) {
        public double millis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final Api api;
    private final int workers;
    private final PrintStream out;

    public FreshnessPhase(Api api, int workers, PrintStream out) {
        this.api = api;
        this.workers = workers;
        this.out = out;
    }

    /**
     * Probes unmeasured for {@code warmup} (with the background load), on while the JIT compilers are
     * busy (the views' code compiles here: intake ran with the views paused), then measures for
     * {@code phase}. At least one probe is measured, however short the phase.
     */
    public Result run(String probeCompound, ReportBodies bodies, List<byte[]> background, int backgroundRate, Duration phase,
                      Duration warmup, JitSettling settling, Duration pollInterval) throws Exception {
        org.awaitility.Awaitility.await("the probe compound is queryable").atMost(Duration.ofMinutes(1))
                .until(() -> total(probeCompound) >= 0);
        Probes probes = new Probes(probeCompound, bodies, pollInterval);
        JitSettling.Outcome warmedUp = null;
        if (!warmup.isZero()) {
            out.printf("freshness: warming up for %d s (not measured)%n", warmup.toSeconds());
            warmedUp = settling.warmUp("freshness", warmup, slice -> {
                try {
                    withBackground(background, backgroundRate, slice, () -> probes.run(slice, new Histogram(HIGHEST_MICROS, 3)));
                } catch (Exception e) {
                    throw new IllegalStateException("The freshness warm-up failed", e);
                }
            });
        }
        out.printf("freshness: probing for %d s with %d background reports/s, polling every %d ms%n", phase.toSeconds(), backgroundRate,
                pollInterval.toMillis());
        Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        Probed probed = withBackground(background, backgroundRate, phase, () -> probes.run(phase, latency));
        Result result = new Result(warmedUp, latency, latency.getTotalCount(), probed.notVisible(), probed.background(), pollInterval);
        out.printf(Locale.ROOT, "freshness: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d not visible within %d s%n",
                result.probes(), result.millis(50), result.millis(99), result.millis(100), result.notVisible(), GIVE_UP.toSeconds());
        return result;
    }

    private interface Probing {
        long run() throws Exception;
    }

    private record Probed(long notVisible, LoadResult background) {
    }

    private Probed withBackground(List<byte[]> background, int rate, Duration length, Probing probing) throws Exception {
        CompletableFuture<LoadResult> load = rate == 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> new OpenLoop("freshness-background", workers, s -> s == 201)
                .fixedRate(rate, length, index -> api.postStatus("/api/v1/escapes", background.get((int) (index % background.size())))));
        long notVisible = probing.run();
        return new Probed(notVisible, load.get());
    }

    /** Probes one at a time; remembers how many persons the probe compound shows across runs. */
    private final class Probes {
        private final String compound;
        private final ReportBodies bodies;
        private final Duration pollInterval;
        private final SplittableRandom random = new SplittableRandom(7);
        private long visible = -1;
        private int sent;

        Probes(String compound, ReportBodies bodies, Duration pollInterval) {
            this.compound = compound;
            this.bodies = bodies;
            this.pollInterval = pollInterval;
        }

        /**
         * Probes until {@code length} has passed (and at least once), recording each latency into {@code latency};
         * returns how many probes were not visible within {@link #GIVE_UP}.
         */
        long run(Duration length, Histogram latency) throws Exception {
            long notVisible = 0;
            if (visible < 0) {
                visible = total(compound);
            }
            long end = System.nanoTime() + length.toNanos();
            long lastChance = end + GIVE_UP.toNanos();
            long before = latency.getTotalCount();
            while (System.nanoTime() < end || (latency.getTotalCount() == before && System.nanoTime() < lastChance)) {
                int status = api.postStatus("/api/v1/escapes", bodies.escape(compound, 1, random, sent++));
                if (status != 201) {
                    continue;
                }
                long accepted = System.nanoTime();
                visible++;
                long deadline = accepted + GIVE_UP.toNanos();
                long seen = -1;
                while (System.nanoTime() < deadline) {
                    if (total(compound) >= visible) {
                        seen = System.nanoTime();
                        break;
                    }
                    LockSupport.parkNanos(pollInterval.toNanos());
                }
                if (seen < 0) {
                    notVisible++;
                    latency.recordValue(GIVE_UP.toNanos() / 1000);
                    visible = total(compound);
                } else {
                    latency.recordValue(Math.min(HIGHEST_MICROS, (seen - accepted) / 1000));
                }
            }
            return notVisible;
        }
    }

    private long total(String compoundId) throws Exception {
        Api.Reply reply = api.get("/api/v1/compounds/" + compoundId + "/victims");
        return reply.status() == 200 ? reply.json().path("total").asLong(0) : -1;
    }
}
