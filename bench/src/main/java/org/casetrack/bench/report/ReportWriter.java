package org.casetrack.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casetrack.bench.BenchOptions;
import org.casetrack.bench.BenchResults;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.phases.QueryPhase;

/** bench/target/report.md: the summary against targets and baselines, then each phase in detail, the machine and settings. */
public final class ReportWriter {
    public static final List<String> SECTIONS = List.of("## Summary", "## " + Figures.KAFKA, "## " + Figures.INTAKE, "## " + Figures.FRESHNESS,
            "## " + Figures.QUERIES, "## " + Figures.REBUILD, "## " + Figures.POSTGRES, "## Where the time goes", "## Charts",
            "## Machine and settings", "## How to reproduce");

    private final StringBuilder md = new StringBuilder();

    public String write(BenchOptions options, BenchResults r, List<Figure> figures, Map<String, String> machine, String date,
                        List<String> charts, String command) {
        line("# casetrack benchmark");
        line("");
        line(date + ", on " + machine.get("processor") + " (" + machine.get("cores") + " cores), `" + command + "`.");
        line("");
        line("Everything runs on this one machine: the Kafka broker (in a JVM of its own unless said otherwise under Settings),");
        line("PostgreSQL, the services (intake, ledger, views, casefiles, access in one JVM, as standalone runs them) and the load");
        line("generator (in the services' JVM) share its cores, and so does anything else");
        line("running on it at the time (see *Where the time goes*). Latencies at a fixed rate are corrected for coordinated");
        line("omission (measured from each request's intended send time); beside them, \"p99 from send\" leaves out each request's");
        line("wait to be sent, which on a shared machine is partly the load generator's own thread waiting for a core, and");
        line("\"sent over " + LoadResult.LATE_MILLIS + " ms late\" counts the requests that waited so. No figure here is asserted by any test.");
        line("");
        summary(figures);
        sections(new PhaseSections(this), options, r);
        line("## Charts");
        line("");
        charts.forEach(c -> line("![" + c + "](" + c + ")").line(""));
        line("## Machine and settings");
        line("");
        line("| | |").line("|---|---|");
        machine.forEach((k, v) -> line("| " + k + " | " + v + " |"));
        line("| date | " + date + " |");
        line("| events replayed | " + String.format(Locale.ROOT, "%,d", options.events()) + " |");
        line("| load phase | " + options.phaseSeconds() + " s each, after " + options.warmupSeconds() + " s of warm-up |");
        line("| warm-ups (intake, freshness, each query), on until the JIT compilers settle | at most " + options.jitSettleSeconds()
                + " s more each |");
        line("| intake rates | " + options.intakeRates() + " reports/s; groups of " + options.groupSize() + " |");
        line("| query rate | " + options.queryRate() + " queries/s |");
        line("| HTTP workers: intake / queries and freshness; SQL connections | " + options.intakeWorkers() + " / " + options.workers() + "; "
                + options.sqlConnections() + " |");
        line("| HTTP client of the load | " + (options.jdkHttpClient() ? "the JDK's HttpClient (`--jdk-http-client`)"
                : "plain blocking HTTP/1.1, keep-alive connections shared by the workers") + " |");
        line("| Kafka broker | " + r.broker() + " |");
        line("| compounds | " + options.compounds() + " (Zipf-skewed) |");
        line("| event size (average, wire format) | " + r.eventSize() + " bytes |");
        line("| seed | " + options.seed() + " |");
        line("| service settings | every service at its defaults (nothing tuned for the benchmark) |");
        line("");
        line("## How to reproduce");
        line("");
        line("```");
        line(command);
        line("```");
        line("");
        line("`bench/run --help` lists the knobs. Raw latency histograms (HdrHistogram percentile output) are in `hgrm/`.");
        return md.toString();
    }

    private void summary(List<Figure> figures) {
        line("## Summary");
        line("");
        line("| section | figure | measured | unit | target | met | baseline | baseline value | ratio to baseline |");
        line("|---|---|---:|---|---|---|---|---:|---:|");
        for (Figure f : figures) {
            line("| " + f.section() + " | " + f.name() + " | " + Numbers.value(f.value(), f.unit()) + " | " + f.unit() + " | "
                    + f.target() + " | " + (f.hasTarget() ? (f.meetsTarget() ? "yes" : "no") : "") + " | " + f.baseline() + " | "
                    + (f.hasBaseline() ? Numbers.value(f.baselineValue(), f.unit()) : "") + " | "
                    + (f.hasBaseline() ? Numbers.ratio(f.ratio()) : "") + " |");
        }
        line("");
        line("A ratio is the figure divided by its baseline: for a throughput, the share of the baseline reached; for a latency,");
        line("how many times the baseline's.");
        line("");
    }

    private void sections(PhaseSections s, BenchOptions options, BenchResults r) {
        s.kafka(r.kafka());
        s.intake(r.intake(), r.personRecords());
        s.freshness(r.freshness());
        line("## " + Figures.QUERIES);
        line("");
        if (r.viewVictims() == null && r.sqlVictims() == null) {
            line("Not run in this run (`--phases`).").line("");
        } else {
            line("Coordinator token (exact counts). Victims of one compound (picked Zipf-skewed, as dashboards look at the big ones)");
            line("and unrepatriated persons by nationality: `GET /api/v1/compounds/{id}/victims` and `GET /api/v1/stats/unrepatriated`");
            line("answered from the views' state stores over HTTP; the SQL baseline asks PostgreSQL over JDBC for the same numbers");
            line("(queries in section 6) with " + options.sqlConnections() + " connections.");
            line("");
            QueryPhase.Result[] queries = {r.viewVictims(), r.viewUnrepatriated(), r.sqlVictims(), r.sqlUnrepatriated()};
            for (QueryPhase.Result q : queries) {
                if (q != null) {
                    s.warmUp(q.query() + " flat out", q.warmedUp());
                }
            }
            loadHeader("query");
            for (QueryPhase.Result q : queries) {
                if (q != null) {
                    loadRow(q.query() + " at a fixed rate", q.atRate());
                    loadRow(q.query() + " flat out", q.flatOut());
                }
            }
            line("");
        }
        s.rebuild(r.rebuild());
        s.postgres(r.postgres());
        s.whereTheTimeGoes(r.cpu(), r.streams(), r.jfr());
    }

    void loadHeader(String what) {
        line("| " + what + " | offered/s | answered/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | p99 from send ms | sent over " + LoadResult.LATE_MILLIS + " ms late"
                + " | answers | machine cores | CPU ms per answer |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
    }

    void loadRow(String what, LoadResult l) {
        line("| " + what + " | " + (l.targetRate() > 0 ? Numbers.value(l.targetRate(), "/s") : "flat out") + " | "
                + Numbers.value(l.okPerSecond(), "/s") + " | " + Numbers.value(l.millis(50), "ms") + " | " + Numbers.value(l.millis(90), "ms")
                + " | " + Numbers.value(l.millis(99), "ms") + " | " + Numbers.value(l.millis(99.9), "ms") + " | "
                + Numbers.value(l.millis(100), "ms") + " | " + (l.targetRate() > 0 ? Numbers.value(l.millisFromSend(99), "ms") + " | "
                + l.sentLate() : "(the same) | ") + " | " + l.statusSummary() + " | " + l.machineCores() + " | "
                + Numbers.value(l.machineCpuMillisPerSuccess(), "ms") + " |");
    }

    ReportWriter line(String text) {
        md.append(text).append('\n');
        return this;
    }

}
