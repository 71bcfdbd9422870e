package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.time.Duration;
import org.casetrack.bench.load.Call;
import org.casetrack.bench.load.JitSettling;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.load.OpenLoop;

/**
 * One kind of count query at a fixed rate (open loop) and flat out: the views over HTTP, or the same
 * numbers in SQL for the PostgreSQL baseline.
 */
public final class QueryPhase {
    /** @param warmedUp how the warm-up ended; null without one */
    public record Result(String query, LoadResult atRate, LoadResult flatOut, JitSettling.Outcome warmedUp) {
    }

    private final int workers;
    private final PrintStream out;

    public QueryPhase(int workers, PrintStream out) {
        this.workers = workers;
        this.out = out;
    }

    /**
     * Queries flat out for {@code warmup} unmeasured and on while the JIT compilers are busy (a query's
     * code compiles in its first seconds: at 2,000 queries/s right after a 10 s warm-up the compilers
     * still took a sixth of a core, and the requests due meanwhile waited), then at {@code rate} and flat
     * out for {@code phase} each.
     */
    public Result run(String name, Call call, int rate, Duration phase, Duration warmup, JitSettling settling) {
        JitSettling.Outcome warmedUp = null;
        if (!warmup.isZero()) {
            out.printf("queries: %s warming up for %d s (not measured)%n", name, warmup.toSeconds());
            warmedUp = settling.warmUp("queries: " + name, warmup,
                    slice -> new OpenLoop(name + "-warmup", workers, s -> s == 200).fullSpeed(slice, call));
        }
        out.printf("queries: %s at %d/s for %d s%n", name, rate, phase.toSeconds());
        LoadResult atRate = report(new OpenLoop(name + "-" + rate, workers, s -> s == 200).fixedRate(rate, phase, call));
        out.printf("queries: %s flat out (%d workers) for %d s%n", name, workers, phase.toSeconds());
        LoadResult flatOut = report(new OpenLoop(name + "-flat-out", workers, s -> s == 200).fullSpeed(phase, call));
        return new Result(name, atRate, flatOut, warmedUp);
    }

    private LoadResult report(LoadResult result) {
        out.println(result.progressLine("queries", "answers", "answer", 2, 3));
        return result;
    }
}
