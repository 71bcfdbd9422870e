package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casetrack.bench.load.Api;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.load.OpenLoop;

/**
 * Escape reports over HTTP: single-person reports at fixed rates (open loop, latency from the
 * intended send) and flat out, then reports of a whole group (persons/s). Only 201, "the events are
 * in the log", counts as accepted; 202, 429 and 503 are counted apart.
 */
public final class IntakePhase {
    public record Result(Map<Integer, LoadResult> atRates, LoadResult flatOut, LoadResult groups, int groupSize) {
        public double personsPerSecond() {
            return groups.okPerSecond() * groupSize;
        }
    }

    private final Api api;
    private final int workers;
    private final Runnable settle;
    private final PrintStream out;

    public IntakePhase(Api api, int workers, Runnable settle, PrintStream out) {
        this.api = api;
        this.workers = workers;
        this.settle = settle;
        this.out = out;
    }

    public Result run(List<byte[]> singles, List<byte[]> groups, int groupSize, List<Integer> rates, Duration phase, Duration warmup) {
        if (!warmup.isZero()) {
            out.printf("intake: warming up for %d s (not measured)%n", warmup.toSeconds());
            loop("intake-warmup").fullSpeed(warmup, post(singles));
            settle.run();
        }
        Map<Integer, LoadResult> atRates = new LinkedHashMap<>();
        for (int rate : rates) {
            out.printf("intake: single-person reports at %d/s for %d s%n", rate, phase.toSeconds());
            atRates.put(rate, report(loop("intake-" + rate).fixedRate(rate, phase, post(singles))));
            settle.run();
        }
        out.printf("intake: single-person reports flat out (%d workers) for %d s%n", workers, phase.toSeconds());
        LoadResult flatOut = report(loop("intake-flat-out").fullSpeed(phase, post(singles)));
        settle.run();
        out.printf("intake: reports of %d persons flat out for %d s%n", groupSize, phase.toSeconds());
        LoadResult group = report(loop("intake-groups").fullSpeed(phase, post(groups)));
        settle.run();
        return new Result(atRates, flatOut, group, groupSize);
    }

    private OpenLoop loop(String name) {
        return new OpenLoop(name, workers, status -> status == 201);
    }

    private org.casetrack.bench.load.Call post(List<byte[]> bodies) {
        return index -> api.postStatus("/api/v1/escapes", bodies.get((int) (index % bodies.size())));
    }

    private LoadResult report(LoadResult result) {
        out.printf(Locale.ROOT, "intake: %s: %.0f accepted/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (%s)%n", result.name(),
                result.okPerSecond(), result.millis(50), result.millis(99), result.millis(99.9), result.statusSummary());
        return result;
    }
}
