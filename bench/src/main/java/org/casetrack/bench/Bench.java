package org.casetrack.bench;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.casetrack.avro.CaseEvent;
import org.casetrack.bench.data.EventGenerator;
import org.casetrack.bench.data.FieldModel;
import org.casetrack.bench.data.ReportBodies;
import org.casetrack.bench.load.JitSettling;
import org.casetrack.bench.phases.CaseFilesPositions;
import org.casetrack.bench.phases.FreshnessPhase;
import org.casetrack.bench.phases.IntakePhase;
import org.casetrack.bench.phases.KafkaBaseline;
import org.casetrack.bench.phases.PersonRecords;
import org.casetrack.bench.phases.PostgresBaseline;
import org.casetrack.bench.phases.QueryPhase;
import org.casetrack.bench.phases.RebuildPhase;
import org.casetrack.bench.phases.Settle;
import org.casetrack.bench.report.CpuMeter;
import org.casetrack.bench.report.CpuProbe;
import org.casetrack.bench.report.JfrSummary;
import org.casetrack.bench.report.StreamsActivity;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.ledger.config.LedgerService;
import org.casetrack.ledger.config.LedgerSettings;
import org.casetrack.ledger.topology.StoreNames;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.crypto.DataKey;
import org.casetrack.schemas.topics.Topics;
import org.casetrack.views.config.ViewsService;

/**
 * One benchmark run, in the order of the issue: the Kafka baseline, intake, freshness, the rebuilds,
 * the view queries, and the PostgreSQL baseline; then the report, charts and terminal table.
 */
public final class Bench {
    private static final Duration SETTLE = Duration.ofMinutes(5);
    /** How long each probe of one core's speed hashes, at the run's start and end. */
    private static final Duration CPU_PROBE = Duration.ofSeconds(2);

    private final BenchOptions options;
    private final PrintStream out;

    public Bench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Waits for the services' consumers to catch up: the Streams applications by their committed offsets,
     * the case-file projector by the positions it stores in PostgreSQL (it commits none to Kafka).
     */
    static Settle settle(ApplicationContext context, PrintStream out) {
        Topics topics = context.getBean(ProvisionedTopics.class).topics();
        return new Settle(context.getBean(Admin.class), out).positionsElsewhere(caseFilesGroup(context),
                List.of(topics.caseEvents().name(), topics.compoundEvents().name()),
                () -> CaseFilesPositions.read(context.getBean(DataSource.class)));
    }

    static String caseFilesGroup(ApplicationContext context) {
        return context.getBean(ProvisionedTopics.class).topics().prefix() + context.getBean(CaseFilesSettings.class).groupId();
    }

    /** Runs every chosen phase on the infrastructure and writes the report; answers its path. */
    public Path run(Infrastructure infra, String command) throws Exception {
        Path dir = Files.createDirectories(options.out());
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Map<String, String> machine = org.casetrack.bench.report.MachineInfo.describe();
        double coreAtStart = CpuProbe.megabytesPerSecond(CPU_PROBE);
        machine.put("one core at the start (SHA-256 on one thread)", String.format(Locale.ROOT, "%,.0f MB/s", coreAtStart));
        out.printf(Locale.ROOT, "bench: one core hashes %,.0f MB/s (SHA-256) at the start%n", coreAtStart);
        Map<String, CpuMeter.Usage> cpu = new LinkedHashMap<>();
        BenchResults results;
        out.println("bench: starting intake, ledger, views, casefiles and access on " + infra.bootstrapServers());
        try (Services services = Services.start(infra, options.jdkHttpClient())) {
            ApplicationContext context = services.context();
            out.println("bench: services up on " + services.url());
            CasetrackSettings casetrack = context.getBean(CasetrackSettings.class);
            Topics topics = context.getBean(ProvisionedTopics.class).topics();
            TopicSerdes serdes = context.getBean(TopicSerdes.class);
            Serializer<CaseEvent> serializer = serdes.value(topics.caseEvents()).serializer();
            Admin admin = context.getBean(Admin.class);
            Settle settle = settle(context, out);
            LocalDate today = LocalDate.now(casetrack.zoneId());
            FieldModel model = new FieldModel(options.compounds());

            out.printf("setup: discovering %d compounds over HTTP%n", options.compounds() + 1);
            List<String> discovered = services.discoverCompounds(options.compounds() + 1, today);
            String probe = discovered.get(options.compounds());
            List<String> compounds = discovered.subList(0, options.compounds());
            ReportBodies bodies = new ReportBodies(model, compounds, today);
            DataKey runKey = DataKey.generate();
            Supplier<EventGenerator> events = () -> new EventGenerator(model, compounds, options.events(), options.seed(), today, runKey);
            int eventSize = averageSize(events.get(), serializer, topics.caseEvents().name());
            List<String> zipfCompounds = zipf(model, compounds);
            String ledgerGroup = context.getBean(LedgerSettings.class).applicationIdOr(topics.prefix());
            Runnable settled = () -> settle.await(List.of(ledgerGroup, context.getBean(ViewsService.class).current().orElseThrow().applicationId(),
                    caseFilesGroup(context)), SETTLE);

            KafkaBaseline.Result kafka = null;
            if (options.runs("kafka")) {
                var started = CpuMeter.snapshot();
                kafka = new KafkaBaseline(infra.bootstrapServers(), topics.prefix(), admin, casetrack.partitions(), out)
                        .run(eventSize, options.baselineRecords(), options.intakeRates(), Duration.ofSeconds(Math.min(options.phaseSeconds(), 15)),
                                options.e2eRecords());
                cpu.put("Kafka baseline", CpuMeter.since(started));
            }
            IntakePhase.Result intake = null;
            IntakePhase intakePhase = null;
            PersonRecords.Result[] personRecords = new PersonRecords.Result[1];
            List<byte[]> singles = List.of();
            Map<String, StreamsActivity> streams = Map.of();
            if (options.runs("intake")) {
                singles = bodies.escapes(2000, 1, options.seed());
                var started = CpuMeter.snapshot();
                Map<String, StreamsActivity> before = new LinkedHashMap<>();
                streamsApps(context).forEach((name, app) -> before.put(name, StreamsActivity.of(app)));
                List<byte[]> groups = bodies.escapes(200, options.groupSize(), options.seed() + 1);
                CpuMeter.Snapshot[] measured = new CpuMeter.Snapshot[1];
                intakePhase = new IntakePhase(services.coordinator(), options.intakeWorkers(), new ReadSide(context),
                        () -> settle.await(List.of(ledgerGroup), SETTLE), settled, out);
                intake = intakePhase.run(singles, groups, options.groupSize(), options.intakeRates(), options.phase(), options.warmup(),
                        jitSettling(), () -> {
                            cpu.put("Intake (write path alone)", CpuMeter.since(started));
                            // the services idle here, the read side still paused: Kafka alone gets the machine
                            var floorStarted = CpuMeter.snapshot();
                            personRecords[0] = personRecords(infra, admin, casetrack, topics, ledgerGroup);
                            cpu.put("Kafka alone, a person's records", CpuMeter.since(floorStarted));
                            measured[0] = CpuMeter.snapshot();
                        }, () -> cpu.put("Intake (catching up, warming up, then every service)", CpuMeter.since(measured[0])));
                streams = StreamsActivity.since(before, streamsApps(context));
            }
            FreshnessPhase.Result freshness = null;
            if (options.runs("freshness")) {
                var started = CpuMeter.snapshot();
                freshness = new FreshnessPhase(services.coordinator(), options.workers(), out).run(probe, bodies,
                        bodies.escapes(2000, 1, options.seed() + 2), options.freshnessLoad(), options.phase(), options.warmup(),
                        jitSettling(), Duration.ofMillis(2));
                cpu.put("Freshness", CpuMeter.since(started));
                settled.run();
            }
            RebuildPhase.Result rebuild = null;
            if (options.runs("rebuild")) {
                var started = CpuMeter.snapshot();
                rebuild = new RebuildPhase(context, settle, out).run(events.get(), options.events(), Duration.ofHours(3));
                cpu.put("Rebuild", CpuMeter.since(started));
            }
            QueryPhase.Result viewVictims = null, viewUnrepatriated = null;
            if (options.runs("queries")) {
                var started = CpuMeter.snapshot();
                QueryPhase queries = new QueryPhase(options.workers(), out);
                var api = services.coordinator();
                viewVictims = queries.run("victims per compound (views)",
                        i -> api.getStatus("/api/v1/compounds/" + zipfCompounds.get((int) (i % zipfCompounds.size())) + "/victims"),
                        options.queryRate(), options.phase(), options.warmup(), jitSettling());
                viewUnrepatriated = queries.run("unrepatriated by nationality (views)", i -> api.getStatus("/api/v1/stats/unrepatriated"),
                        options.queryRate(), options.phase(), options.warmup(), jitSettling());
                cpu.put("View queries", CpuMeter.since(started));
            }
            PostgresBaseline.Loaded postgres = null;
            QueryPhase.Result sqlVictims = null, sqlUnrepatriated = null;
            if (options.runs("postgres")) {
                var started = CpuMeter.snapshot();
                try (PostgresBaseline baseline = new PostgresBaseline(infra.jdbcUrl(), out)) {
                    String topic = topics.caseEvents().name();
                    postgres = baseline.load(events.get(), options.events(), e -> serializer.serialize(topic, e));
                    QueryPhase queries = new QueryPhase(options.sqlConnections(), out);
                    sqlVictims = queries.run("victims per compound (SQL)", baseline.victims(zipfCompounds), options.queryRate(), options.phase(),
                            options.warmup(), jitSettling());
                    sqlUnrepatriated = queries.run("unrepatriated by nationality (SQL)", baseline.unrepatriated(), options.queryRate(),
                            options.phase(), options.warmup(), jitSettling());
                }
                cpu.put("PostgreSQL baseline", CpuMeter.since(started));
            }
            JfrSummary jfr = null;
            if (intakePhase != null && options.jfr()) {
                // last of all: after a recording, this JVM compiles and runs slower for minutes (IntakePhase.profile)
                JfrSummary[] profile = new JfrSummary[1];
                intakePhase.profile(singles, options.phase(), load -> {
                    try (IntakeRecording recording = IntakeRecording.start()) {
                        load.run();
                        profile[0] = recording.finish(dir.resolve("intake.jfr"));
                    }
                });
                jfr = profile[0];
            }
            results = new BenchResults(kafka, personRecords[0], intake, freshness, rebuild, viewVictims, viewUnrepatriated, postgres, sqlVictims,
                    sqlUnrepatriated, cpu, jfr, streams, eventSize, infra.broker());
        }
        double coreAtEnd = CpuProbe.megabytesPerSecond(CPU_PROBE);
        String end = String.format(Locale.ROOT, "%,.0f MB/s, %.2f of the start", coreAtEnd, coreAtEnd / coreAtStart);
        machine.put("one core at the end", end);
        out.println("bench: services stopped; one core hashes " + end + "; writing the report");
        return new ReportFiles(options, out).write(dir, results, machine, date, command);
    }

    /**
     * Kafka alone moving the records of persons in reports of the group size, at the sizes the group step
     * just wrote on casetrack's topics, as many reports in flight as intake's load had.
     */
    private PersonRecords.Result personRecords(Infrastructure infra, Admin admin, CasetrackSettings casetrack, Topics topics, String ledgerGroup) {
        PersonRecords floor = new PersonRecords(infra.bootstrapServers(), topics.prefix(), admin, casetrack.partitions(), out);
        PersonRecords.Sizes sizes = floor.measure(List.of(topics.caseCommands().name(), topics.caseEvents().name(),
                ledgerGroup + "-" + StoreNames.CASE_STATE + "-changelog", topics.commandOutcomes().name()));
        return floor.run(sizes, options.groupSize(), options.intakeWorkers(), options.warmup(), options.phase());
    }

    /** Warm-ups go on in 10 s slices while the JIT compilers used more than a tenth of a core in the last one. */
    private JitSettling jitSettling() {
        return new JitSettling(Duration.ofSeconds(10), 0.1, options.jitSettle(), out);
    }

    /** The services' Streams applications, to read their metrics. */
    private static Map<String, KafkaStreams> streamsApps(ApplicationContext context) {
        Map<String, KafkaStreams> apps = new LinkedHashMap<>();
        apps.put("ledger", context.getBean(LedgerService.class).app().streams());
        context.getBean(ViewsService.class).current().ifPresent(g -> apps.put("views (generation " + g.generation() + ")", g.streams()));
        return apps;
    }

    private static int averageSize(EventGenerator generator, Serializer<CaseEvent> serializer, String topic) {
        long bytes = 0;
        int count = 0;
        while (generator.hasNext() && count < 2000) {
            bytes += serializer.serialize(topic, generator.next().event()).length;
            count++;
        }
        return count == 0 ? 0 : (int) (bytes / count);
    }

    /** Compounds in the order queries ask for them: Zipf-skewed, as dashboards look at the big ones. */
    private List<String> zipf(FieldModel model, List<String> compounds) {
        SplittableRandom random = new SplittableRandom(options.seed() + 3);
        List<String> picks = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            picks.add(compounds.get(model.compound(random) % compounds.size()));
        }
        return picks;
    }
}
