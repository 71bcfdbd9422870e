package org.casetrack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The knobs of a run (bench/run --help). Defaults are the full run; {@code --quick} is a short one
 * for a first look (under 5 minutes after the build).
 */
public record BenchOptions(long events, int phaseSeconds, int warmupSeconds, int jitSettleSeconds, List<Integer> intakeRates, int groupSize, int queryRate,
                           int freshnessLoad, int workers, int intakeWorkers, int sqlConnections, int compounds, long baselineRecords, int e2eRecords,
                           long seed, Path out, Set<String> phases, boolean jfr, boolean jdkHttpClient,
                           boolean brokerInProcess, boolean brokerKafkaDefaults) {

    public static final List<String> PHASES = List.of("kafka", "intake", "freshness", "rebuild", "queries", "postgres");

    public static final String HELP = """
            bench/run [options]: measures casetrack's pipeline beside Kafka's own tools and plain PostgreSQL,
            on the embedded broker and PostgreSQL, and writes bench/target/report.md and charts. The default run takes
            about 20-25 minutes on an otherwise idle 2-core machine (19 on an Intel Xeon, 22 on an AMD EPYC, 2026-11-30); a busy machine takes longer.

              --quick                 50,000 events, 5 s per load phase, 2 s warm-up, 300 round trips (4-5 minutes)
              --events N              events replayed in the rebuild and PostgreSQL phases (default 1,000,000)
              --ten-million           10,000,000 events (the rebuild at scale; takes long)
              --phase-seconds S       length of each load phase (default 30)
              --warmup-seconds S      unmeasured warm-up before the intake and freshness phases and before each query
                                      (default 10)
              --jit-settle-seconds S  after each warm-up (intake, freshness, each query), keep its load going in 10 s slices
                                      while the JIT compilers used more than a tenth of a core in the last one, for S s at most
                                      (default 180; --quick 0): the services and the load share one JVM, whose compilers
                                      stay busy for minutes
              --intake-rates R[,R..]  fixed rates of single-person reports per second (default 500,1000)
              --group-size N          persons per report in the group phase (default 40)
              --query-rate R          fixed rate of view queries and of the same SQL queries (default 2000)
              --freshness-load R      background reports per second while freshness is probed (default 200)
              --workers N             HTTP workers of the query and freshness phases: at most N requests in flight (default 64)
              --intake-workers N      HTTP workers of the intake phases (default 256): enough reports in flight that flat out
                                      finds intake's capacity rather than 64 requests' round trips; also the reports in
                                      flight of the intake phase's Kafka-alone baseline (a person's records, no services)
              --sql-connections N     connections of the SQL query phases (default 8)
              --compounds N           compounds reports spread over, Zipf-skewed (default 300)
              --baseline-records N    records of ProducerPerformance and ConsumerPerformance (default: events, at most 1,000,000)
              --e2e-records N         round trips of Kafka's EndToEndLatency (default 2,000)
              --seed N                seed of the generated data (default 20260117)
              --phases a,b,..         run only these of kafka,intake,freshness,rebuild,queries,postgres (default all)
              --out DIR               where report.md, charts, histograms and the JFR recording go (default bench/target)
              --no-jfr                no profiled intake load (a JFR recording after every measured phase)
              --jdk-http-client       load through the JDK's HttpClient rather than the plain blocking HTTP/1.1 client
                                      (keep-alive connections shared by the workers); for comparison: it costs the shared
                                      machine more CPU
              --broker-in-process     run the broker inside the bench's JVM (as `java -jar casetrack.jar` does) rather than
                                      in a JVM of its own (-Xmx1G, ZGC: docs/decisions/0022); its threads, allocations and
                                      collections then share the services' heap
              --broker-kafka-defaults the broker's JVM with Kafka's own default options (-Xmx1G, G1 with a 20 ms pause goal)
                                      rather than casetrack's (ZGC), for comparison
              --no-build              (bench/run only) skip the Maven build
              --help                  this text
            """;

    public static BenchOptions parse(String... args) {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        long events = list.contains("--ten-million") ? 10_000_000 : quick ? 50_000 : 1_000_000;
        int phase = quick ? 5 : 30;
        int warmup = quick ? 2 : 10;
        int jitSettle = quick ? 0 : 180;
        List<Integer> rates = List.of(500, 1000);
        int group = 40, queryRate = 2000, freshnessLoad = 200, workers = 64, intakeWorkers = 256, sql = 8, compounds = 300, e2e = quick ? 300 : 2000;
        Long baseline = null;
        long seed = 20260117;
        Path out = Path.of("bench", "target");
        Set<String> phases = new LinkedHashSet<>(PHASES);
        boolean jfr = true, jdkHttpClient = false, brokerInProcess = false, brokerKafkaDefaults = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick", "--ten-million", "--no-build" -> { }
                case "--no-jfr" -> jfr = false;
                case "--jdk-http-client" -> jdkHttpClient = true;
                case "--broker-in-process" -> brokerInProcess = true;
                case "--broker-kafka-defaults" -> brokerKafkaDefaults = true;
                case "--events" -> events = positiveLong(arg, value(args, ++i, arg));
                case "--phase-seconds" -> phase = positiveInt(arg, value(args, ++i, arg));
                case "--warmup-seconds" -> warmup = nonNegativeInt(arg, value(args, ++i, arg));
                case "--jit-settle-seconds" -> jitSettle = nonNegativeInt(arg, value(args, ++i, arg));
                case "--intake-rates" -> rates = Arrays.stream(value(args, ++i, arg).split(",")).map(r -> positiveInt(arg, r.trim())).toList();
                case "--group-size" -> group = positiveInt(arg, value(args, ++i, arg));
                case "--query-rate" -> queryRate = positiveInt(arg, value(args, ++i, arg));
                case "--freshness-load" -> freshnessLoad = nonNegativeInt(arg, value(args, ++i, arg));
                case "--workers" -> workers = positiveInt(arg, value(args, ++i, arg));
                case "--intake-workers" -> intakeWorkers = positiveInt(arg, value(args, ++i, arg));
                case "--sql-connections" -> sql = positiveInt(arg, value(args, ++i, arg));
                case "--compounds" -> compounds = positiveInt(arg, value(args, ++i, arg));
                case "--baseline-records" -> baseline = positiveLong(arg, value(args, ++i, arg));
                case "--e2e-records" -> e2e = positiveInt(arg, value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--phases" -> phases = phases(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option " + arg + " (see --help)");
            }
        }
        if (brokerInProcess && brokerKafkaDefaults) {
            throw new IllegalArgumentException("--broker-kafka-defaults sets the options of the broker's own JVM; it cannot go with --broker-in-process");
        }
        if (group > 500) {
            throw new IllegalArgumentException("--group-size is at most 500 (the API's limit per report)");
        }
        return new BenchOptions(events, phase, warmup, jitSettle, List.copyOf(rates), group, queryRate, freshnessLoad, workers, intakeWorkers, sql, compounds,
                baseline != null ? baseline : Math.min(events, 1_000_000), e2e, seed, out, Set.copyOf(phases), jfr, jdkHttpClient,
                brokerInProcess, brokerKafkaDefaults);
    }

    public Duration phase() {
        return Duration.ofSeconds(phaseSeconds);
    }

    public Duration jitSettle() {
        return Duration.ofSeconds(jitSettleSeconds);
    }

    public Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    public boolean runs(String phase) {
        return phases.contains(phase);
    }

    private static Set<String> phases(String text) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String p : text.split(",")) {
            String name = p.trim();
            if (!PHASES.contains(name)) {
                throw new IllegalArgumentException("Unknown phase " + name + "; phases are " + String.join(",", PHASES));
            }
            chosen.add(name);
        }
        return chosen;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positiveInt(String option, String text) {
        long value = positiveLong(option, text);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " is too large: " + text);
        }
        return (int) value;
    }

    private static int nonNegativeInt(String option, String text) {
        return text.equals("0") ? 0 : positiveInt(option, text);
    }

    private static long positiveLong(String option, String text) {
        try {
            long value = Long.parseLong(text.replace("_", "").replace(",", ""));
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be positive: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number: " + text, e);
        }
    }
}
