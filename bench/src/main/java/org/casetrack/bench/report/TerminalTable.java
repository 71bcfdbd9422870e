package org.casetrack.bench.report;

import java.io.PrintStream;
import java.util.List;

/** The summary as a fixed-width table on the terminal. */
public final class TerminalTable {
    private TerminalTable() {
    }

    public static void print(PrintStream out, List<Figure> figures) {
        int name = Math.max(6, figures.stream().mapToInt(f -> f.name().length()).max().orElse(6));
        String format = "%-" + name + "s %14s %-10s %-10s %-4s %14s %7s%n";
        out.println();
        out.printf(format, "figure", "measured", "unit", "target", "met", "baseline", "ratio");
        String section = "";
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                out.println("-- " + section);
            }
            out.printf(format, f.name(), Numbers.value(f.value(), f.unit()), f.unit(), f.target(),
                    f.hasTarget() ? (f.meetsTarget() ? "yes" : "no") : "",
                    f.hasBaseline() ? Numbers.value(f.baselineValue(), f.unit()) : "", f.hasBaseline() ? Numbers.ratio(f.ratio()) : "");
        }
        out.println();
    }
}
