package org.casetrack.bench.report;

/**
 * One measured number of the report, with the target it is compared with and its baseline (Kafka's
 * own tools or plain PostgreSQL on the same machine); a baseline figure has none.
 *
 * @param target        as the issue states it (e.g. "≥ 5,000"), or empty
 * @param targetValue   NaN when there is no target
 * @param higherIsBetter for throughput; latencies are better lower
 * @param baseline      what the figure is compared with, or empty; {@code baselineValue} is then NaN
 */
public record Figure(String section, String name, double value, String unit, String target, double targetValue, boolean higherIsBetter,
                     String baseline, double baselineValue) {

    public static Figure of(String section, String name, double value, String unit, boolean higherIsBetter) {
        return new Figure(section, name, value, unit, "", Double.NaN, higherIsBetter, "", Double.NaN);
    }

    public Figure target(String text, double target) {
        return new Figure(section, name, value, unit, text, target, higherIsBetter, baseline, baselineValue);
    }

    public Figure against(String baselineName, double baselineValue) {
        return new Figure(section, name, value, unit, target, targetValue, higherIsBetter, baselineName, baselineValue);
    }

    public boolean hasTarget() {
        return !Double.isNaN(targetValue);
    }

    public boolean hasBaseline() {
        return !baseline.isEmpty();
    }

    public boolean meetsTarget() {
        return higherIsBetter ? value >= targetValue : value < targetValue;
    }

    /** The figure divided by its baseline. */
    public double ratio() {
        return baselineValue == 0 ? Double.NaN : value / baselineValue;
    }
}
