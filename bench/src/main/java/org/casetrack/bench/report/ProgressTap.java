package org.casetrack.bench.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PrintStream for a tool's progress output: echoes each line to the terminal and keeps, from lines
 * that match, a count with the time it was printed, to chart progress over time.
 */
public final class ProgressTap extends PrintStream {
    /** A count (group 1 of the pattern) seen {@code seconds} after the tap was made. */
    public record Point(double seconds, long count) {
    }

    private final List<Point> points;

    public ProgressTap(PrintStream echo, String prefix, Pattern count) {
        this(new Lines(echo, prefix, count, new ArrayList<>(), System.nanoTime()));
    }

    private ProgressTap(Lines lines) {
        super(lines, true, StandardCharsets.UTF_8);
        this.points = lines.points;
    }

    public List<Point> points() {
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    /** Counts per second between successive points (a rate over time). */
    public List<Point> rates() {
        List<Point> all = points();
        List<Point> rates = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            double dt = all.get(i).seconds() - all.get(i - 1).seconds();
            if (dt > 0) {
                rates.add(new Point(all.get(i).seconds(), Math.round((all.get(i).count() - all.get(i - 1).count()) / dt)));
            }
        }
        return rates;
    }

    private static final class Lines extends OutputStream {
        private final PrintStream echo;
        private final String prefix;
        private final Pattern count;
        private final List<Point> points;
        private final long started;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(PrintStream echo, String prefix, Pattern count, List<Point> points, long started) {
            this.echo = echo;
            this.prefix = prefix;
            this.count = count;
            this.points = points;
            this.started = started;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                echo.println(prefix + text);
                Matcher m = count.matcher(text);
                if (m.find()) {
                    synchronized (points) {
                        points.add(new Point((System.nanoTime() - started) / 1e9, Long.parseLong(m.group(1))));
                    }
                }
            } else {
                line.write(b);
            }
        }
    }
}
