package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.bench.load.Api;
import org.casetrack.bench.load.JitSettling;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.load.OpenLoop;

/**
 * Escape reports over HTTP: single-person reports at fixed rates (open loop, latency from the
 * intended send) and flat out, then reports of a whole group (persons/s). Only 201, "the events are
 * in the log", counts as accepted; 202, 429 and 503 are counted apart.
 *
 * <p>These run with the write path alone (intake, access, the ledger, the broker and PostgreSQL):
 * the services that read the log are paused, as the write model's targets are stated. Then, with
 * them running again and caught up, single-person reports flat out once more, for comparison.
 */
public final class IntakePhase {
    /**
     * @param warmedUp how the write path's warm-up ended; null without one
     * @param everyServiceWarmedUp how the warm-up with every service running ended; null without one
     */
    public record Result(JitSettling.Outcome warmedUp, Map<Integer, LoadResult> atRates, LoadResult flatOut, LoadResult groups,
                         int groupSize, JitSettling.Outcome everyServiceWarmedUp, LoadResult flatOutEveryService) {
        public double personsPerSecond() {
            return groups.okPerSecond() * groupSize;
        }
    }

    /**
     * Wraps a load in a profiler's recording. The measured phases run without it: a JFR recording
     * ("profile" or even "default" settings) cut intake's flat-out rate by about a third here.
     */
    public interface Profiler {
        void record(Runnable load);
    }

    /** The services that read the log, paused while the write path is measured alone. */
    public interface ReadSide {
        void pause();

        void resume();
    }

    /** How long the profiled (unmeasured) load runs at most. */
    private static final Duration PROFILED = Duration.ofSeconds(30);

    private final Api api;
    private final int workers;
    private final ReadSide readSide;
    private final Runnable settleWritePath;
    private final Runnable settleAll;
    private final PrintStream out;

    /**
     * @param settleWritePath waits until the ledger has caught up with the commands
     * @param settleAll waits until every service has caught up with its input
     */
    public IntakePhase(Api api, int workers, ReadSide readSide, Runnable settleWritePath, Runnable settleAll, PrintStream out) {
        this.api = api;
        this.workers = workers;
        this.readSide = readSide;
        this.settleWritePath = settleWritePath;
        this.settleAll = settleAll;
        this.out = out;
    }

    /**
     * The write path alone: pauses the read side, warms up, measures the fixed rates, flat out and
     * groups, then {@code whenMeasured} (still paused); resumes the read side, waits until every service
     * has caught up, warms up again with every service running (the read side's code and intake's meet
     * a new mix there: in a run without this warm-up the JIT compilers took 0.12 of a core during the
     * measurement), measures flat out once more, then {@code whenEveryServiceMeasured}. The profiled
     * load ({@link #profile}) is left to the caller, to run after everything it measures.
     */
    public Result run(List<byte[]> singles, List<byte[]> groups, int groupSize, List<Integer> rates, Duration phase, Duration warmup,
                      JitSettling settling, Runnable whenMeasured, Runnable whenEveryServiceMeasured) {
        out.println("intake: the write path alone (the live views and the case-file projector paused)");
        readSide.pause();
        Map<Integer, LoadResult> atRates = new LinkedHashMap<>();
        LoadResult flatOut, group;
        JitSettling.Outcome warmedUp;
        try {
            warmedUp = warmUp("intake", "intake-warmup", singles, warmup, settling, settleWritePath);
            for (int rate : rates) {
                out.printf("intake: single-person reports at %d/s for %d s%n", rate, phase.toSeconds());
                atRates.put(rate, report(loop("intake-" + rate).fixedRate(rate, phase, post(singles))));
                settleWritePath.run();
            }
            out.printf("intake: single-person reports flat out (%d workers) for %d s%n", workers, phase.toSeconds());
            flatOut = report(loop("intake-flat-out").fullSpeed(phase, post(singles)));
            settleWritePath.run();
            out.printf("intake: reports of %d persons flat out for %d s%n", groupSize, phase.toSeconds());
            group = report(loop("intake-groups").fullSpeed(phase, post(groups)));
            settleWritePath.run();
            whenMeasured.run();
        } finally {
            resumeReadSide();
        }
        JitSettling.Outcome everyServiceWarmedUp = warmUp("intake with every service", "intake-every-service-warmup", singles, warmup,
                settling, settleAll);
        out.printf("intake: single-person reports flat out with every service running for %d s%n", phase.toSeconds());
        LoadResult everyService = report(loop("intake-flat-out-every-service").fullSpeed(phase, post(singles)));
        settleAll.run();
        whenEveryServiceMeasured.run();
        return new Result(warmedUp, atRates, flatOut, group, groupSize, everyServiceWarmedUp, everyService);
    }

    /**
     * Single-person reports flat out, not measured, for {@code warmup} and on while the JIT compilers are
     * busy, then {@code settle}; null (and nothing run) when {@code warmup} is zero.
     */
    private JitSettling.Outcome warmUp(String what, String loopName, List<byte[]> singles, Duration warmup, JitSettling settling,
                                       Runnable settle) {
        if (warmup.isZero()) {
            return null;
        }
        out.printf("%s: warming up for %d s (not measured)%n", what, warmup.toSeconds());
        JitSettling.Outcome outcome = settling.warmUp(what, warmup, slice -> loop(loopName).fullSpeed(slice, post(singles)));
        settle.run();
        return outcome;
    }

    /**
     * Single-person reports flat out under the profiler, the write path alone again; not measured. Run it
     * after every measured phase: after a JFR recording stopped, this JVM's JIT compilers kept compiling
     * (about a third of a core for the 180 s the freshness warm-up waited, where they settle in 20 s
     * without one) and the phases measured after it were slower (every service flat out 203-355 reports/s
     * against 951-1,231 without a recording before it).
     */
    public void profile(List<byte[]> singles, Duration phase, Profiler profiler) {
        out.println("intake: pausing the live views and the case-file projector again for a profiled load");
        readSide.pause();
        try {
            Duration profiled = phase.compareTo(PROFILED) < 0 ? phase : PROFILED;
            profiler.record(() -> {
                out.printf("intake: single-person reports flat out for %d s under a JFR recording (profiled, not measured)%n",
                        profiled.toSeconds());
                loop("intake-profiled").fullSpeed(profiled, post(singles));
            });
            settleWritePath.run();
        } finally {
            resumeReadSide();
        }
    }

    private void resumeReadSide() {
        out.println("intake: resuming the live views and the case-file projector; waiting until they have caught up");
        readSide.resume();
        settleAll.run();
    }

    private OpenLoop loop(String name) {
        return new OpenLoop(name, workers, status -> status == 201);
    }

    private org.casetrack.bench.load.Call post(List<byte[]> bodies) {
        return index -> api.postStatus("/api/v1/escapes", bodies.get((int) (index % bodies.size())));
    }

    private LoadResult report(LoadResult result) {
        out.println(result.progressLine("intake", "accepted", "report", 1, 2));
        return result;
    }
}
