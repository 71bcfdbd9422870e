package org.casetrack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.casetrack.bench.report.ReportWriter;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole harness at a tiny size on the real in-process broker and PostgreSQL, so it cannot
 * rot: every phase runs, and the report has every section with a number for every figure. No speed is
 * asserted.
 */
@ExtendWith(DevStackExtension.class)
class BenchSmokeTest {

    @Test
    void tinyRunWritesEverySectionWithANumberForEveryFigure(TestScope scope) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Files.createDirectories(Path.of("target", "smoke", scope.id())).toAbsolutePath();
        BenchOptions options = BenchOptions.parse("--events", "2000", "--phase-seconds", "3", "--warmup-seconds", "1",
                "--jit-settle-seconds", "0",
                "--baseline-records", "2000", "--e2e-records", "50", "--compounds", "10", "--intake-rates", "20", "--group-size", "5",
                "--query-rate", "50", "--freshness-load", "10", "--workers", "4", "--intake-workers", "4", "--sql-connections", "2", "--out", out.toString());
        Infrastructure infra = new Infrastructure(scope.bootstrapServers(), scope.jdbcUrl(), scope.topics().prefix(), out);

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeOutputStream(System.out, progress), true, StandardCharsets.UTF_8);

        Path report = new Bench(options, tee).run(infra, "smoke test");

        String text = Files.readString(report);
        for (String section : ReportWriter.SECTIONS) {
            assertThat(text).as("section %s", section).contains("\n" + section + "\n");
        }
        assertThat(text).contains("| Kafka broker | " + Infrastructure.BROKER_IN_THIS_JVM + " |");
        assertThat(text).contains("| p99 from send ms | sent over 1 ms late |");
        assertThat(text).as("each rebuild twice, the first compiling its code, the second measured")
                .contains("| views rebuild, the first (until caught up) |")
                .contains("| case-file rebuild into fresh tables, the first (until swapped in) |")
                .contains("| case-file rebuild into fresh tables, the second (until swapped in) |");
        assertThat(text).as("the Kafka-alone floor of a person's records, run with the intake phase")
                .contains("**A person's records through Kafka alone.**")
                .contains("| Persons accepted in reports of 5, flat out |")
                .contains("| A person's records through Kafka alone | ");
        assertThat(text).contains("Warm-up (not measured): single-person reports flat out for the set warm-up")
                .contains("Warm-up (not measured): single-person reports flat out with every service running (after they had caught up)"
                        + " for the set warm-up")
                .contains("Warm-up (not measured): probes and background load for the set warm-up")
                .contains("Warm-up (not measured): victims per compound (views) flat out for the set warm-up");
        List<String[]> figures = summaryRows(text);
        assertThat(figures).as("figures of every phase").hasSizeGreaterThan(25);
        assertThat(figures.stream().map(f -> f[0]).distinct())
                .containsExactly("1. Kafka baseline", "2. Intake", "3. Freshness", "4. Queries", "5. Rebuild", "6. PostgreSQL baseline");
        for (String[] f : figures) {
            assertThat(isNumber(f[2])).as("measured value of %s: %s", f[1], f[2]).isTrue();
            if (!f[6].isBlank()) {
                assertThat(isNumber(f[7]) && isNumber(f[8])).as("baseline and ratio of %s: %s, %s", f[1], f[7], f[8]).isTrue();
            }
        }
        for (String chart : List.of("latency-intake.png", "throughput-intake.png", "latency-freshness.png", "latency-queries.png",
                "throughput-rebuild.png")) {
            assertThat(out.resolve(chart)).as(chart).isNotEmptyFile();
            assertThat(text).contains("](" + chart + ")");
        }
        try (Stream<Path> histograms = Files.list(out.resolve("hgrm"))) {
            assertThat(histograms.count()).as("raw histograms: 4 intake, freshness, 4 query phases at a rate and flat out").isEqualTo(13);
        }
        assertThat(out.resolve("intake.jfr")).isNotEmptyFile();
        String lines = progress.toString(StandardCharsets.UTF_8);
        int profiled = lines.indexOf("under a JFR recording");
        assertThat(profiled).as("the profiled load runs after every measured phase")
                .isGreaterThan(lines.indexOf("with every service running for"))
                .isGreaterThan(lines.lastIndexOf("freshness: "))
                .isGreaterThan(lines.lastIndexOf("rebuild: "))
                .isGreaterThan(lines.lastIndexOf("(SQL)-flat-out: "))
                .isGreaterThan(0);
    }

    /** Writes to both streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    /** The cells of each row of the summary table: section, figure, measured, unit, target, met, baseline, baseline value, ratio. */
    private static List<String[]> summaryRows(String report) {
        String table = report.substring(report.indexOf("## Summary"), report.indexOf("## 1. Kafka baseline"));
        List<String[]> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| section") && !line.startsWith("|---")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
                rows.add(Stream.of(cells).map(String::trim).toArray(String[]::new));
            }
        }
        return rows;
    }

    private static boolean isNumber(String cell) {
        try {
            double value = Double.parseDouble(cell.replace(",", ""));
            return !Double.isNaN(value) && !Double.isInfinite(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
