package org.casetrack.bench.phases;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.casetrack.avro.CaseEvent;
import org.casetrack.bench.data.GeneratedEvent;
import org.casetrack.bench.report.ProgressTap;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.casefiles.projector.CaseFilesRebuild;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;
import org.casetrack.views.config.Generations;
import org.casetrack.views.config.Rebuild;
import org.casetrack.views.config.ViewsRuntime;
import org.casetrack.views.config.ViewsService;

/**
 * N events written straight to case-events (in the shapes the ledger writes, not through HTTP), the
 * live views and case files left to catch up, then the two rebuilds timed: the views into a fresh
 * generation (views' own Rebuild, until caught up; then the serving instance switches to it) and the
 * case files into fresh tables (casefiles' own CaseFilesRebuild, until swapped in). Each rebuild runs
 * twice, the first time with its code still compiling (the JIT compilers took 0.4-0.8 of a core for
 * the first 12 s of a first case-file rebuild, 2026-12-01), the second against the targets; both
 * are reported.
 */
public final class RebuildPhase {
    private static final Pattern VIEWS_PROGRESS = Pattern.compile("read (\\d+) of");
    private static final Pattern CASEFILES_PROGRESS = Pattern.compile("rebuild: (\\d+) of \\d+ events");

    public record Result(long events, Duration produced, Optional<Duration> liveViews, Optional<Duration> liveCaseFiles,
                         long viewsRecords, Duration viewsTook,
                         int generation, Optional<Duration> switched, List<ProgressTap.Point> viewsRates, long caseFilesRecords,
                         long caseFilesSkipped, Duration caseFilesTook, Duration swapped, List<ProgressTap.Point> caseFilesRates,
                         long firstViewsRecords, Duration firstViewsTook, long firstCaseFilesRecords, Duration firstCaseFilesTook) {
        // caseFilesTook runs until the rebuilt tables are swapped in (the swap included); liveViews and
        // liveCaseFiles are how long each live consumer took to catch up after the write
        public double viewsPerSecond() {
            return viewsRecords / seconds(viewsTook);
        }

        public double caseFilesPerSecond() {
            return caseFilesRecords / seconds(caseFilesTook);
        }

        /** The first views rebuild in this JVM, its code compiling meanwhile. */
        public double firstViewsPerSecond() {
            return firstViewsRecords / seconds(firstViewsTook);
        }

        /** The first case-file rebuild in this JVM, its code compiling meanwhile. */
        public double firstCaseFilesPerSecond() {
            return firstCaseFilesRecords / seconds(firstCaseFilesTook);
        }

        /** The events over the time from the first write until the live consumer had caught up. */
        public double livePerSecond(Duration caughtUp) {
            return events / seconds(produced.plus(caughtUp));
        }

        public double producedPerSecond() {
            return events / seconds(produced);
        }

        private static double seconds(Duration d) {
            return Math.max(1e-3, d.toNanos() / 1e9);
        }
    }

    private final ApplicationContext context;
    private final Settle settle;
    private final PrintStream out;

    public RebuildPhase(ApplicationContext context, Settle settle, PrintStream out) {
        this.context = context;
        this.settle = settle;
        this.out = out;
    }

    public Result run(Iterator<GeneratedEvent> events, long total, Duration atMost) throws InterruptedException {
        Topics topics = context.getBean(ProvisionedTopics.class).topics();
        TopicSerdes serdes = context.getBean(TopicSerdes.class);
        Duration produced = produce(events, total, topics, serdes);
        ViewsService views = context.getBean(ViewsService.class);
        CaseFilesSettings caseFiles = context.getBean(CaseFilesSettings.class);
        String viewsGroup = views.current().orElseThrow().applicationId();
        out.println("rebuild: waiting for the live views and case files to take the events in");
        String caseFilesGroup = topics.prefix() + caseFiles.groupId();
        Map<String, Optional<Duration>> live = settle.awaitEach(List.of(viewsGroup, caseFilesGroup), atMost);
        live.forEach((group, took) -> took.ifPresent(d -> out.printf(Locale.ROOT, "rebuild: live %s caught up %.1f s after the write%n",
                group.equals(viewsGroup) ? "views" : "case files", d.toMillis() / 1000.0)));

        out.println("rebuild: the views, a first time (their rebuild's code compiles meanwhile)");
        Rebuild.Result firstViews = rebuildViews(new ProgressTap(out, "  ", VIEWS_PROGRESS), atMost);
        switchTime(views, firstViews.to(), atMost);
        out.println("rebuild: the views, a second time (measured against the target)");
        ProgressTap viewsTap = new ProgressTap(out, "  ", VIEWS_PROGRESS);
        Rebuild.Result rebuilt = rebuildViews(viewsTap, atMost);
        Optional<Duration> switched = switchTime(views, rebuilt.to(), atMost);

        out.println("rebuild: the case files, a first time (their rebuild's code compiles meanwhile)");
        CaseFilesRebuild.Result firstFiles = rebuildCaseFiles(caseFiles, topics, serdes, new ProgressTap(out, "  ", CASEFILES_PROGRESS));
        out.println("rebuild: the case files, a second time (measured against the target)");
        ProgressTap caseFilesTap = new ProgressTap(out, "  ", CASEFILES_PROGRESS);
        CaseFilesRebuild.Result files = rebuildCaseFiles(caseFiles, topics, serdes, caseFilesTap);
        return new Result(total, produced, live.get(viewsGroup), live.get(caseFilesGroup), rebuilt.records(), rebuilt.took(),
                rebuilt.to(), switched, viewsTap.rates(), files.records(), files.skipped(), files.rebuilt().plus(files.swapped()),
                files.swapped(), caseFilesTap.rates(), firstViews.records(), firstViews.took(), firstFiles.records(),
                firstFiles.rebuilt().plus(firstFiles.swapped()));
    }

    private Rebuild.Result rebuildViews(ProgressTap tap, Duration atMost) throws InterruptedException {
        ViewsRuntime runtime = context.getBean(ViewsRuntime.class);
        Rebuild.Result rebuilt;
        try (Generations generations = runtime.generations()) {
            rebuilt = new Rebuild(runtime, generations, tap, Duration.ofSeconds(1)).run(false, atMost);
        }
        out.printf(Locale.ROOT, "rebuild: views generation %d caught up: %d records in %.1f s%n", rebuilt.to(), rebuilt.records(),
                rebuilt.took().toMillis() / 1000.0);
        return rebuilt;
    }

    private CaseFilesRebuild.Result rebuildCaseFiles(CaseFilesSettings caseFiles, Topics topics, TopicSerdes serdes, ProgressTap tap) {
        return new CaseFilesRebuild(caseFiles, context.getBean(KafkaSettings.class).bootstrapServers(), topics, serdes,
                context.getBean(DataSource.class), tap).run();
    }

    private Duration produce(Iterator<GeneratedEvent> events, long total, Topics topics, TopicSerdes serdes) {
        String topic = topics.caseEvents().name();
        Serializer<CaseEvent> serializer = serdes.value(topics.caseEvents()).serializer();
        long started = System.nanoTime();
        long sent = 0, lastPrint = started;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.getBean(KafkaSettings.class).bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-event-writer"), new StringSerializer(), new ByteArraySerializer())) {
            while (events.hasNext()) {
                GeneratedEvent event = events.next();
                producer.send(new ProducerRecord<>(topic, event.caseId(), serializer.serialize(topic, event.event())));
                sent++;
                if (System.nanoTime() - lastPrint > 1_000_000_000L) {
                    lastPrint = System.nanoTime();
                    out.printf(Locale.ROOT, "rebuild: wrote %d of %d events to %s (%.0f%%)%n", sent, total, topic, 100.0 * sent / total);
                }
            }
            producer.flush();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.printf(Locale.ROOT, "rebuild: wrote %d events in %.1f s%n", sent, took.toMillis() / 1000.0);
        return took;
    }

    private Optional<Duration> switchTime(ViewsService views, int generation, Duration atMost) {
        long started = System.nanoTime();
        try {
            Awaitility.await("views serve generation " + generation).atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> views.current().map(g -> g.generation() == generation && g.isRunning()).orElse(false));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            out.printf(Locale.ROOT, "rebuild: the serving views switched to generation %d in %.1f s%n", generation, took.toMillis() / 1000.0);
            return Optional.of(took);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            out.printf("rebuild: the serving views did not switch to generation %d within %s%n", generation, atMost);
            return Optional.empty();
        }
    }
}
