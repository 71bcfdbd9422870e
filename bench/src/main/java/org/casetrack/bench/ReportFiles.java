package org.casetrack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.phases.QueryPhase;
import org.casetrack.bench.report.Charts;
import org.casetrack.bench.report.Figure;
import org.casetrack.bench.report.Figures;
import org.casetrack.bench.report.ProgressTap;
import org.casetrack.bench.report.ReportWriter;
import org.casetrack.bench.report.TerminalTable;

/** Writes what a run produced: report.md, the PNG charts, the raw histograms, and the table on the terminal. */
final class ReportFiles {
    private final BenchOptions options;
    private final PrintStream out;

    ReportFiles(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Path write(Path dir, BenchResults r, Map<String, String> machine, String date, String command) throws IOException {
        List<Figure> figures = Figures.of(r, options.queryRate());
        List<String> charts = charts(dir, r);
        histograms(dir.resolve("hgrm"), r);
        Path report = dir.resolve("report.md");
        Files.writeString(report, new ReportWriter().write(options, r, figures, machine, date, charts, command), StandardCharsets.UTF_8);
        TerminalTable.print(out, figures);
        out.println("bench: report in " + report.toAbsolutePath());
        return report;
    }

    private List<String> charts(Path dir, BenchResults r) throws IOException {
        List<String> written = new ArrayList<>();
        if (r.intake() != null) {
            Map<String, Histogram> latency = new LinkedHashMap<>();
            Map<String, List<ProgressTap.Point>> throughput = new LinkedHashMap<>();
            r.intake().atRates().forEach((rate, l) -> {
                latency.put("single-person reports at " + rate + "/s (POST to 201)", l.latency());
                throughput.put("accepted reports/s at " + rate + "/s offered", Charts.perSecond(l.perSecond(), l.seconds(), 1));
            });
            latency.put("single-person reports flat out", r.intake().flatOut().latency());
            latency.put("reports of " + r.intake().groupSize() + " flat out", r.intake().groups().latency());
            latency.put("single-person reports flat out, every service", r.intake().flatOutEveryService().latency());
            LoadResult flat = r.intake().flatOut(), groups = r.intake().groups(), every = r.intake().flatOutEveryService();
            throughput.put("accepted reports/s flat out", Charts.perSecond(flat.perSecond(), flat.seconds(), 1));
            throughput.put("accepted reports/s flat out, every service", Charts.perSecond(every.perSecond(), every.seconds(), 1));
            throughput.put("accepted persons/s in reports of " + r.intake().groupSize(),
                    Charts.perSecond(groups.perSecond(), groups.seconds(), r.intake().groupSize()));
            written.add(chart(dir, "latency-intake.png", () -> Charts.latency(dir.resolve("latency-intake.png"), "Intake: POST to 201", latency)));
            written.add(chart(dir, "throughput-intake.png", () -> Charts.throughput(dir.resolve("throughput-intake.png"),
                    "Intake: accepted per second", "per second", throughput)));
        }
        if (r.freshness() != null) {
            written.add(chart(dir, "latency-freshness.png", () -> Charts.latency(dir.resolve("latency-freshness.png"),
                    "Freshness: 201 to visible in views", Map.of("freshness", r.freshness().latency()))));
        }
        Map<String, Histogram> queries = new LinkedHashMap<>();
        for (QueryPhase.Result q : new QueryPhase.Result[] {r.viewVictims(), r.viewUnrepatriated(), r.sqlVictims(), r.sqlUnrepatriated()}) {
            if (q != null) {
                queries.put(q.query() + " at " + options.queryRate() + "/s", q.atRate().latency());
            }
        }
        if (!queries.isEmpty()) {
            written.add(chart(dir, "latency-queries.png", () -> Charts.latency(dir.resolve("latency-queries.png"),
                    "Queries at a fixed rate: views over HTTP and the same counts in SQL", queries)));
        }
        Map<String, List<ProgressTap.Point>> rebuilds = new LinkedHashMap<>();
        if (r.rebuild() != null) {
            rebuilds.put("views rebuild (events/s)", r.rebuild().viewsRates());
            rebuilds.put("case-file rebuild (events/s)", r.rebuild().caseFilesRates());
        }
        if (r.postgres() != null) {
            rebuilds.put("PostgreSQL batched insert (events/s)", r.postgres().rates());
        }
        if (!rebuilds.isEmpty()) {
            written.add(chart(dir, "throughput-rebuild.png", () -> Charts.throughput(dir.resolve("throughput-rebuild.png"),
                    "Replay: events per second over time", "events/s", rebuilds)));
        }
        return written;
    }

    @FunctionalInterface
    private interface Drawing {
        void draw() throws IOException;
    }

    private String chart(Path dir, String name, Drawing drawing) throws IOException {
        drawing.draw();
        out.println("bench: chart " + dir.resolve(name));
        return name;
    }

    private void histograms(Path dir, BenchResults r) throws IOException {
        Files.createDirectories(dir);
        Map<String, Histogram> all = new LinkedHashMap<>();
        if (r.intake() != null) {
            r.intake().atRates().forEach((rate, l) -> all.put("intake-" + rate, l.latency()));
            all.put("intake-flat-out", r.intake().flatOut().latency());
            all.put("intake-groups", r.intake().groups().latency());
            all.put("intake-flat-out-every-service", r.intake().flatOutEveryService().latency());
        }
        if (r.freshness() != null) {
            all.put("freshness", r.freshness().latency());
        }
        for (QueryPhase.Result q : new QueryPhase.Result[] {r.viewVictims(), r.viewUnrepatriated(), r.sqlVictims(), r.sqlUnrepatriated()}) {
            if (q != null) {
                all.put(q.atRate().name(), q.atRate().latency());
                all.put(q.flatOut().name(), q.flatOut().latency());
            }
        }
        for (Map.Entry<String, Histogram> e : all.entrySet()) {
            String file = e.getKey().replaceAll("[^A-Za-z0-9.-]+", "-") + ".hgrm";
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(dir.resolve(file)), true, StandardCharsets.UTF_8)) {
                // recorded in microseconds, written in milliseconds
                e.getValue().outputPercentileDistribution(hgrm, 1000.0);
            }
        }
    }
}
