package org.casetrack.bench.report;

import java.util.Locale;

/** How numbers are written in the report: throughputs as whole numbers with separators, latencies in ms. */
public final class Numbers {
    private Numbers() {
    }

    public static String value(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return unit.equals("ms") ? String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value)
                : String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String ratio(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, ratio < 10 ? "%.2f" : "%.1f", ratio);
    }

    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
