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
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.load.OpenLoop;

/**
 * How long after its 201 a report is visible in the views: one probe at a time, a single-person report
 * on a compound only the probes report on, then its victims count polled over HTTP until it shows the
 * new person; meanwhile other reports arrive at a steady background rate. The poll interval bounds the
 * resolution.
 */
public final class FreshnessPhase {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final long HIGHEST_MICROS = Duration.ofMinutes(5).toNanos() / 1000;

    public record Result(Histogram latency, long probes, long notVisible, LoadResult background, Duration pollInterval) {
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

    public Result run(String probeCompound, ReportBodies bodies, List<byte[]> background, int backgroundRate, Duration phase,
                      Duration pollInterval) throws Exception {
        out.printf("freshness: probing for %d s with %d background reports/s, polling every %d ms%n", phase.toSeconds(), backgroundRate,
                pollInterval.toMillis());
        CompletableFuture<LoadResult> load = backgroundRate == 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> new OpenLoop("freshness-background", workers, s -> s == 201)
                .fixedRate(backgroundRate, phase, index -> api.postStatus("/api/v1/escapes", background.get((int) (index % background.size())))));
        Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        org.awaitility.Awaitility.await("the probe compound is queryable").atMost(Duration.ofMinutes(1))
                .until(() -> total(probeCompound) >= 0);
        long visible = total(probeCompound);
        long probes = 0, notVisible = 0;
        SplittableRandom random = new SplittableRandom(7);
        long end = System.nanoTime() + phase.toNanos();
        long lastChance = end + GIVE_UP.toNanos();
        // at least one probe, however short the phase
        while (System.nanoTime() < end || (probes == 0 && System.nanoTime() < lastChance)) {
            int status = api.postStatus("/api/v1/escapes", bodies.escape(probeCompound, 1, random, (int) probes));
            if (status != 201) {
                continue;
            }
            long accepted = System.nanoTime();
            visible++;
            probes++;
            long deadline = accepted + GIVE_UP.toNanos();
            long seen = -1;
            while (System.nanoTime() < deadline) {
                if (total(probeCompound) >= visible) {
                    seen = System.nanoTime();
                    break;
                }
                LockSupport.parkNanos(pollInterval.toNanos());
            }
            if (seen < 0) {
                notVisible++;
                latency.recordValue(GIVE_UP.toNanos() / 1000);
                visible = total(probeCompound);
            } else {
                latency.recordValue(Math.min(HIGHEST_MICROS, (seen - accepted) / 1000));
            }
        }
        LoadResult backgroundResult = load.get();
        Result result = new Result(latency, probes, notVisible, backgroundResult, pollInterval);
        out.printf(Locale.ROOT, "freshness: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d not visible within %d s%n", probes,
                result.millis(50), result.millis(99), result.millis(100), notVisible, GIVE_UP.toSeconds());
        return result;
    }

    private long total(String compoundId) throws Exception {
        Api.Reply reply = api.get("/api/v1/compounds/" + compoundId + "/victims");
        return reply.status() == 200 ? reply.json().path("total").asLong(0) : -1;
    }
}
