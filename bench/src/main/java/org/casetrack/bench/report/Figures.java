package org.casetrack.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casetrack.bench.BenchResults;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.phases.KafkaBaseline;
import org.casetrack.bench.phases.PersonRecords;
import org.casetrack.bench.phases.QueryPhase;

/** The figures of the summary, each beside the target and its baseline, in the order of the issue. */
public final class Figures {
    static final String KAFKA = "1. Kafka baseline", INTAKE = "2. Intake", FRESHNESS = "3. Freshness", QUERIES = "4. Queries",
            REBUILD = "5. Rebuild", POSTGRES = "6. PostgreSQL baseline";

    private Figures() {
    }

    public static List<Figure> of(BenchResults r, int queryRate) {
        List<Figure> figures = new ArrayList<>();
        KafkaBaseline.Result k = r.kafka();
        if (k != null) {
            figures.add(Figure.of(KAFKA, "ProducerPerformance flat out (acks=all, " + k.recordSize() + " B)", k.flatOut().recordsPerSecond(), "records/s", true));
            k.atRates().forEach((rate, p) -> figures.add(Figure.of(KAFKA, "ProducerPerformance p99 at " + rate + " records/s", p.p99(), "ms", false)));
            figures.add(Figure.of(KAFKA, "ConsumerPerformance (fetching)", k.consumedPerSecond(), "records/s", true));
            figures.add(Figure.of(KAFKA, "EndToEndLatency p50 (produce to consume)", k.e2eP50(), "ms", false));
            figures.add(Figure.of(KAFKA, "EndToEndLatency p99", k.e2eP99(), "ms", false));
        }
        PersonRecords.Result floor = r.personRecords();
        if (floor != null) {
            figures.add(Figure.of(KAFKA, "A person's records through Kafka alone, reports of " + floor.groupSize() + ", flat out",
                    floor.personsPerSecond(), "persons/s", true));
        }
        if (r.intake() != null) {
            var in = r.intake();
            for (Map.Entry<Integer, LoadResult> e : in.atRates().entrySet()) {
                int rate = e.getKey();
                LoadResult l = e.getValue();
                KafkaBaseline.Produced base = k == null ? null : k.atRates().get(rate);
                figures.add(baseline(Figure.of(INTAKE, "Single-person reports accepted at " + rate + "/s offered", l.okPerSecond(), "reports/s", true),
                        "offered rate", rate));
                figures.add(baseline(Figure.of(INTAKE, "POST-to-201 p50 at " + rate + " reports/s", l.millis(50), "ms", false),
                        "ProducerPerformance p50 at " + rate + "/s", base == null ? Double.NaN : base.p50()));
                Figure p99 = Figure.of(INTAKE, "POST-to-201 p99 at " + rate + " reports/s", l.millis(99), "ms", false);
                figures.add(baseline(rate == 1000 ? p99.target("< 50", 50) : p99, "ProducerPerformance p99 at " + rate + "/s",
                        base == null ? Double.NaN : base.p99()));
                figures.add(baseline(Figure.of(INTAKE, "POST-to-201 p99.9 at " + rate + " reports/s", l.millis(99.9), "ms", false),
                        "ProducerPerformance p99.9 at " + rate + "/s", base == null ? Double.NaN : base.p999()));
            }
            double producer = k == null ? Double.NaN : k.flatOut().recordsPerSecond();
            figures.add(baseline(Figure.of(INTAKE, "Single-person reports accepted, flat out", in.flatOut().okPerSecond(), "reports/s", true)
                    .target("≥ 5,000", 5000), "ProducerPerformance flat out", producer));
            figures.add(baseline(Figure.of(INTAKE, "POST-to-201 p99 flat out (service time)", in.flatOut().millis(99), "ms", false), "", Double.NaN));
            figures.add(baseline(Figure.of(INTAKE, "Persons accepted in reports of " + in.groupSize() + ", flat out", in.personsPerSecond(), "persons/s", true)
                    .target("≥ 30,000", 30000), "A person's records through Kafka alone", floor == null ? Double.NaN : floor.personsPerSecond()));
            figures.add(baseline(Figure.of(INTAKE, "Single-person reports accepted, flat out, every service running",
                    in.flatOutEveryService().okPerSecond(), "reports/s", true), "ProducerPerformance flat out", producer));
        }
        if (r.freshness() != null) {
            var f = r.freshness();
            figures.add(baseline(Figure.of(FRESHNESS, "201 to visible in views, p50", f.millis(50), "ms", false),
                    "EndToEndLatency p50", k == null ? Double.NaN : k.e2eP50()));
            figures.add(baseline(Figure.of(FRESHNESS, "201 to visible in views, p99", f.millis(99), "ms", false).target("< 250", 250),
                    "EndToEndLatency p99", k == null ? Double.NaN : k.e2eP99()));
        }
        queries(figures, "Victims per compound", r.viewVictims(), r.sqlVictims(), queryRate);
        queries(figures, "Unrepatriated by nationality", r.viewUnrepatriated(), r.sqlUnrepatriated(), queryRate);
        if (r.rebuild() != null) {
            var b = r.rebuild();
            double consumer = k == null ? Double.NaN : k.consumedPerSecond();
            double insert = r.postgres() == null ? Double.NaN : r.postgres().perSecond();
            figures.add(baseline(Figure.of(REBUILD, "View rebuild into a new generation", b.viewsPerSecond(), "events/s", true)
                    .target("≥ 150,000", 150000), "ConsumerPerformance", consumer));
            figures.add(baseline(Figure.of(REBUILD, "View rebuild, the first in this JVM (its code compiling)", b.firstViewsPerSecond(),
                    "events/s", true), "ConsumerPerformance", consumer));
            figures.add(baseline(Figure.of(REBUILD, "Case-file rebuild into fresh tables", b.caseFilesPerSecond(), "events/s", true)
                    .target("≥ 50,000", 50000), "PostgreSQL batched insert", insert));
            figures.add(baseline(Figure.of(REBUILD, "Case-file rebuild, the first in this JVM (its code compiling)", b.firstCaseFilesPerSecond(),
                    "events/s", true), "PostgreSQL batched insert", insert));
            figures.add(baseline(Figure.of(REBUILD, "Events written to case-events (bench producer)", b.producedPerSecond(), "events/s", true),
                    "ProducerPerformance flat out", k == null ? Double.NaN : k.flatOut().recordsPerSecond()));
            b.liveCaseFiles().ifPresent(d -> figures.add(Figure.of(REBUILD, "Live case-file projector, write to caught up",
                    b.livePerSecond(d), "events/s", true)));
            b.liveViews().ifPresent(d -> figures.add(Figure.of(REBUILD, "Live views, write to caught up", b.livePerSecond(d), "events/s", true)));
        }
        if (r.postgres() != null) {
            figures.add(Figure.of(POSTGRES, "Batched insert into a plain events table", r.postgres().perSecond(), "events/s", true));
        }
        sql(figures, "Victims per compound", r.sqlVictims(), queryRate);
        sql(figures, "Unrepatriated by nationality", r.sqlUnrepatriated(), queryRate);
        return figures;
    }

    private static void queries(List<Figure> figures, String name, QueryPhase.Result views, QueryPhase.Result sql, int rate) {
        if (views == null) {
            return;
        }
        figures.add(baseline(Figure.of(QUERIES, name + " p50 at " + rate + "/s (views, HTTP)", views.atRate().millis(50), "ms", false),
                "SQL p50", sql == null ? Double.NaN : sql.atRate().millis(50)));
        Figure p99 = Figure.of(QUERIES, name + " p99 at " + rate + "/s (views, HTTP)", views.atRate().millis(99), "ms", false);
        figures.add(baseline(rate == 2000 ? p99.target("< 5", 5) : p99, "SQL p99", sql == null ? Double.NaN : sql.atRate().millis(99)));
        figures.add(baseline(Figure.of(QUERIES, name + " flat out (views, HTTP)", views.flatOut().okPerSecond(), "queries/s", true),
                "SQL flat out", sql == null ? Double.NaN : sql.flatOut().okPerSecond()));
    }

    private static void sql(List<Figure> figures, String name, QueryPhase.Result sql, int rate) {
        if (sql == null) {
            return;
        }
        figures.add(Figure.of(POSTGRES, name + " p50 at " + rate + "/s (SQL)", sql.atRate().millis(50), "ms", false));
        figures.add(Figure.of(POSTGRES, name + " p99 at " + rate + "/s (SQL)", sql.atRate().millis(99), "ms", false));
        figures.add(Figure.of(POSTGRES, name + " flat out (SQL)", sql.flatOut().okPerSecond(), "queries/s", true));
    }

    private static Figure baseline(Figure figure, String name, double value) {
        return name.isEmpty() || Double.isNaN(value) ? figure : figure.against(name, value);
    }
}
