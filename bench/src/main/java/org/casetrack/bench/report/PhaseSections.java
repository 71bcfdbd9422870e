package org.casetrack.bench.report;

import java.util.Locale;
import java.util.Map;
import org.casetrack.bench.load.JitSettling;
import org.casetrack.bench.load.LoadResult;
import org.casetrack.bench.phases.FreshnessPhase;
import org.casetrack.bench.phases.IntakePhase;
import org.casetrack.bench.phases.KafkaBaseline;
import org.casetrack.bench.phases.PersonRecords;
import org.casetrack.bench.phases.PostgresBaseline;
import org.casetrack.bench.phases.RebuildPhase;

/** The report's detailed section of each phase; a phase that was not run says so under its heading. */
final class PhaseSections {
    private final ReportWriter w;

    PhaseSections(ReportWriter w) {
        this.w = w;
    }

    private boolean heading(String section, Object result) {
        w.line("## " + section).line("");
        if (result == null) {
            w.line("Not run in this run (`--phases`).").line("");
            return false;
        }
        return true;
    }

    void kafka(KafkaBaseline.Result k) {
        if (!heading(Figures.KAFKA, k)) {
            return;
        }
        w.line("Kafka's own tools (kafka-tools 4.3.1, each in a child JVM) against the same broker, with records of "
                + k.recordSize() + " bytes (the average casetrack event in the wire format), acks=all as casetrack's producers use.");
        w.line("ProducerPerformance sends unkeyed records with Kafka's default batching; casetrack keys every record by aggregate. At a "
                + "fixed rate it sends for " + KafkaBaseline.AT_RATE_WARMUP.toSeconds() + " s before what it measures (`--warmup-records`), "
                + "as the intake phases warm up first: its own JVM's first seconds are not a steady state.").line("");
        w.line("| tool | records/s | MB/s | p50 ms | p99 ms | p99.9 ms |").line("|---|---:|---:|---:|---:|---:|");
        produced("ProducerPerformance, " + k.records() + " records flat out", k.flatOut());
        k.atRates().forEach((rate, p) -> produced("ProducerPerformance at " + rate + " records/s", p));
        w.line("| ConsumerPerformance, " + k.records() + " records (fetch rate) | " + Numbers.value(k.consumedPerSecond(), "/s") + " | "
                + String.format(Locale.ROOT, "%.1f", k.consumedMegabytesPerSecond()) + " | | | |");
        w.line("| EndToEndLatency, one record at a time (ms resolution) | | | " + Numbers.value(k.e2eP50(), "ms") + " | "
                + Numbers.value(k.e2eP99(), "ms") + " | " + Numbers.value(k.e2eP999(), "ms") + " |").line("");
    }

    private void produced(String name, KafkaBaseline.Produced p) {
        w.line("| " + name + " | " + Numbers.value(p.recordsPerSecond(), "/s") + " | " + String.format(Locale.ROOT, "%.1f", p.megabytesPerSecond())
                + " | " + Numbers.value(p.p50(), "ms") + " | " + Numbers.value(p.p99(), "ms") + " | " + Numbers.value(p.p999(), "ms") + " |");
    }

    void intake(IntakePhase.Result in, PersonRecords.Result floor) {
        if (!heading(Figures.INTAKE, in)) {
            return;
        }
        w.line("`POST /api/v1/escapes` with a coordinator token, each report with invented personal data (so a data key is made");
        w.line("and the data sealed per person), answered 201 once the ledger has decided every person and the events are in the");
        w.line("log. Latency is POST to 201, of 201s only; other answers are counted beside it. Fixed rates are open loop.");
        w.line("The write path runs alone (intake, access, the ledger, the broker and PostgreSQL): the live views and the");
        w.line("case-file projector are paused until the last row but one, then resumed and caught up before the last row.").line("");
        warmUp("single-person reports flat out", in.warmedUp());
        w.loadHeader("phase");
        in.atRates().forEach((rate, l) -> w.loadRow("single-person reports at " + rate + "/s", l));
        w.loadRow("single-person reports flat out", in.flatOut());
        w.loadRow("reports of " + in.groupSize() + " persons flat out", in.groups());
        w.loadRow("single-person reports flat out, every service running", in.flatOutEveryService());
        w.line("");
        warmUp("single-person reports flat out with every service running (after they had caught up)", in.everyServiceWarmedUp());
        w.line(String.format(Locale.ROOT, "Persons accepted in reports of %d: %s persons/s.", in.groupSize(),
                Numbers.value(in.personsPerSecond(), "/s"))).line("");
        if (floor != null) {
            personRecords(floor);
        }
    }

    private void personRecords(PersonRecords.Result f) {
        w.line("**A person's records through Kafka alone.** Right after the reports of " + f.groupSize() + " (the services idle, the");
        w.line("read side still paused), a child JVM moved the records the write path moves for each person through the same broker,");
        w.line("with the services' client settings and nothing decided, sealed, keyed or stored: a command per person from an");
        w.line("idempotent acks=all producer lingering 5 ms (" + f.inFlight() + " reports in flight, as intake's load had); one thread");
        w.line("reading them read_committed and sending, per command, an event, a state record (to a compacted topic) and an");
        w.line("outcome, in transactions committed every 15 ms with the consumed offsets (exactly_once_v2's pattern, lingering 20 ms);");
        w.line("and a reader of every outcome partition that counts a report once its " + f.groupSize() + " outcomes are in. The");
        w.line("record sizes are the averages of the latest records on casetrack's own topics (the case-state changelog for the state):");
        w.line(String.format(Locale.ROOT, "command %d B, event %d B, state %d B, outcome %d B.", f.sizes().command(), f.sizes().event(),
                f.sizes().state(), f.sizes().outcome())).line("");
        w.line("| persons | seconds | persons/s | machine cores | machine CPU ms a person | reports unanswered at the end |");
        w.line("|---:|---:|---:|---:|---:|---:|");
        w.line("| " + f.persons() + " | " + Numbers.seconds(f.seconds()) + " | " + Numbers.value(f.personsPerSecond(), "/s") + " | "
                + String.format(Locale.ROOT, "%.2f", f.machineCores()) + " | " + String.format(Locale.ROOT, "%.3f", f.cpuMillisPerPerson())
                + " | " + f.unanswered() + " |").line("");
    }

    void warmUp(String load, JitSettling.Outcome warm) {
        if (warm != null) {
            w.line("Warm-up (not measured): " + warm.describe(load)).line("");
        }
    }

    void freshness(FreshnessPhase.Result f) {
        if (!heading(Figures.FRESHNESS, f)) {
            return;
        }
        w.line("One probe at a time: a single-person report on a compound only the probes use, then its victims count polled");
        w.line("over HTTP every " + f.pollInterval().toMillis() + " ms until it includes the new person; the time from the 201 to the first");
        w.line("answer that shows it. Meanwhile other reports arrive at a fixed background rate. Probes and background load run");
        w.line("for the warm-up first, unmeasured.").line("");
        warmUp("probes and background load", f.warmedUp());
        w.line("| probes | p50 ms | p90 ms | p99 ms | max ms | not visible within 30 s |").line("|---:|---:|---:|---:|---:|---:|");
        w.line("| " + f.probes() + " | " + Numbers.value(f.millis(50), "ms") + " | " + Numbers.value(f.millis(90), "ms") + " | "
                + Numbers.value(f.millis(99), "ms") + " | " + Numbers.value(f.millis(100), "ms") + " | " + f.notVisible() + " |").line("");
        if (f.background() != null) {
            w.loadHeader("background load");
            w.loadRow("single-person reports", f.background());
            w.line("");
        }
    }

    void rebuild(RebuildPhase.Result b) {
        if (!heading(Figures.REBUILD, b)) {
            return;
        }
        w.line(String.format(Locale.ROOT, "%,d generated case events were written straight to case-events in the shapes the ledger", b.events()));
        w.line("writes (not through HTTP: that path is measured in section 2), over the compounds the intake phases used. The live");
        w.line("views and case files took them in first; then each rebuild replayed everything from offset 0, the events of the");
        w.line("earlier phases and the compound topics included. Each rebuild ran twice: the first time its code was still being");
        w.line("compiled (this JVM had not run it before), the second time is the one set against the targets.").line("");
        w.line("| step | records | seconds | records/s |").line("|---|---:|---:|---:|");
        row("write to case-events (bench producer, acks=all)", b.events(), b.produced().toNanos() / 1e9);
        b.liveCaseFiles().ifPresent(d -> w.line("| live case-file projector caught up, after the write | | " + Numbers.seconds(d.toNanos() / 1e9)
                + " | " + Numbers.value(b.livePerSecond(d), "events/s") + " from the first write |"));
        b.liveViews().ifPresent(d -> w.line("| live views caught up, after the write | | " + Numbers.seconds(d.toNanos() / 1e9)
                + " | " + Numbers.value(b.livePerSecond(d), "events/s") + " from the first write |"));
        row("views rebuild, the first (until caught up)", b.firstViewsRecords(), b.firstViewsTook().toNanos() / 1e9);
        row("views rebuild into generation " + b.generation() + ", the second (until caught up)", b.viewsRecords(), b.viewsTook().toNanos() / 1e9);
        b.switched().ifPresent(d -> w.line("| serving views switched to generation " + b.generation() + " (restored from changelogs) | | "
                + Numbers.seconds(d.toNanos() / 1e9) + " | |"));
        row("case-file rebuild into fresh tables, the first (until swapped in)", b.firstCaseFilesRecords(), b.firstCaseFilesTook().toNanos() / 1e9);
        row("case-file rebuild into fresh tables, the second (until swapped in)", b.caseFilesRecords(), b.caseFilesTook().toNanos() / 1e9);
        w.line("").line("Case-file rebuild: " + b.caseFilesSkipped() + " records skipped; the swap took " + b.swapped().toMillis() + " ms.").line("");
    }

    private void row(String step, long records, double seconds) {
        w.line("| " + step + " | " + String.format(Locale.ROOT, "%,d", records) + " | " + Numbers.seconds(seconds) + " | "
                + Numbers.value(records / Math.max(1e-3, seconds), "/s") + " |");
    }

    void postgres(PostgresBaseline.Loaded p) {
        if (!heading(Figures.POSTGRES, p)) {
            return;
        }
        w.line(String.format(Locale.ROOT, "The same %,d events in one plain table (`%s`: clear columns, the Avro bytes, a unique index", p.events(),
                "bench_baseline.events"));
        w.line("on case and sequence, indexes on compound and type), inserted in batches of 1,000 rows, one transaction each: "
                + Numbers.value(p.perSecond(), "/s") + " events/s. The counts, computed at query time as a system without Kafka would:").line("");
        w.line("```sql").line(PostgresBaseline.victimsSql() + ";").line(PostgresBaseline.unrepatriatedSql() + ";").line("```").line("");
        w.line("The query latencies are in section 4, beside the views'.").line("");
    }

    void whereTheTimeGoes(Map<String, CpuMeter.Usage> cpu, Map<String, StreamsActivity> streams, JfrSummary jfr) {
        w.line("## Where the time goes").line("");
        w.line("Average cores busy in each phase: this JVM (services and load generator together, and the broker if it runs here:");
        w.line("see Settings) and the whole machine (adding PostgreSQL, the broker's JVM, the tools' child JVMs, and whatever else");
        w.line("runs on the machine); and this JVM's stop-the-world");
        w.line("pauses in the phase (under G1 its young, mixed and full collections, not its remark and cleanup pauses),");
        w.line("which every request of the phase may have waited for.").line("");
        w.line("| phase | seconds | this JVM (cores) | whole machine (cores) | GC pauses | GC pause ms in all | longest GC pause ms |")
                .line("|---|---:|---:|---:|---:|---:|---:|");
        cpu.forEach((phase, u) -> w.line(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f of %d | %,d | %,d | %,d |", phase, u.seconds(),
                u.jvmCores(), u.machineCores(), u.cores(), u.gcPauses(), u.gcMillis(), u.longestGcMillis())));
        w.line("");
        if (!streams.isEmpty()) {
            w.line("The Streams applications during the intake phases, from their own metrics. Under exactly-once the stream thread");
            w.line("flushes its sends and commits a transaction every commit interval and processes nothing meanwhile; a send");
            w.line("answered CONCURRENT_TRANSACTIONS (the previous commit still finishing) is retried after a backoff, which the");
            w.line("flush waits for. Records sent count the output topics and the state stores' changelogs alike.").line("");
            w.line("| application | commits | s committing | s flushing sends | ms blocked per commit | records processed | records sent | sent per processed | sends retried |")
                    .line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            streams.forEach((app, a) -> w.line(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.1f | %.2f | %,.0f | %,.0f | %.2f | %,.0f |", app,
                    a.commits(), a.commitSeconds(), a.flushSeconds(), a.blockedMillisPerCommit(), a.processed(), a.sent(),
                    a.sentPerProcessed(), a.retries())));
            w.line("");
        }
        if (jfr == null) {
            w.line("No JFR recording in this run (`--no-jfr`, or the intake phase was not run).").line("");
            return;
        }
        w.line("JFR recording of single-person reports flat out with the write path alone, run after every measured phase");
        w.line("and not measured itself (the recording slows intake by about a third): `" + jfr.file().getFileName() + "` (" + jfr.samples());
        w.line("execution samples; open it in JDK Mission Control). Samples by thread (numbers folded), by the library the sampled");
        w.line("code is in, and the hottest methods:").line("");
        table("thread", jfr.byThread(), jfr.samples());
        table("area", jfr.byArea(), jfr.samples());
        table("method (top frame)", jfr.topMethods(), jfr.samples());
    }

    private void table(String what, Map<String, Long> counts, long total) {
        w.line("| " + what + " | samples | share |").line("|---|---:|---:|");
        counts.forEach((k, v) -> w.line(String.format(Locale.ROOT, "| `%s` | %d | %.1f%% |", k.replace("|", "/"), v, 100.0 * v / Math.max(1, total))));
        w.line("");
    }
}
