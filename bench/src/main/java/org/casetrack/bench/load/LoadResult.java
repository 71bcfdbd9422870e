package org.casetrack.bench.load;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.casetrack.bench.report.CpuMeter;

/**
 * What one load phase measured.
 *
 * @param latency      microseconds; of successful calls only; for a fixed rate, from the intended send time
 *                     (coordinated omission corrected), so a stall counts against every call it delayed
 * @param perSecond    successful calls completed in each second of the phase (throughput over time)
 * @param statuses     every answer by HTTP status (or 0 for an exception)
 * @param missed       calls a fixed-rate schedule could not send before the phase ended; their wait until the
 *                     end is recorded in {@code latency} as a lower bound
 * @param cpu          cores busy while the load ran (this JVM and the whole machine) and the JVM's pauses
 */
public record LoadResult(String name, double targetRate, double seconds, long ok, long failed, long missed, Histogram latency,
                         long[] perSecond, Map<Integer, Long> statuses, CpuMeter.Usage cpu) {

    /**
     * Milliseconds of the whole machine's CPU per successful call (broker, services, PostgreSQL and the
     * load generator together): what a call cost, which the machine's noise moves far less than a rate.
     */
    public double machineCpuMillisPerSuccess() {
        return ok == 0 || cpu == null ? Double.NaN : cpu.machineCores() * cpu.seconds() * 1000 / ok;
    }

    /** Cores of the whole machine busy while the load ran, and how many it has: "1.84 of 2". */
    public String machineCores() {
        return cpu == null || Double.isNaN(cpu.machineCores()) ? "n/a" : String.format(Locale.ROOT, "%.2f of %d", cpu.machineCores(), cpu.cores());
    }

    public double okPerSecond() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    /** A latency percentile in milliseconds (NaN when nothing succeeded). */
    public double millis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    public String statusSummary() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(statuses).forEach((status, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(status == 0 ? "error" : status.toString()).append(": ").append(count));
        if (missed > 0) {
            text.append(", not sent in time: ").append(missed);
        }
        return text.toString();
    }
}
