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
 * @param fromSend     microseconds from each successful call's send to its answer: for a fixed rate, without the
 *                     time the call waited for a worker to send it (the same histogram as {@code latency} flat out)
 * @param sentLate     calls of a fixed-rate schedule sent more than {@link #LATE_NANOS} after they were due: the
 *                     load generator's thread had not had a core, or every worker was busy
 * @param perSecond    successful calls completed in each second of the phase (throughput over time)
 * @param statuses     every answer by HTTP status (or 0 for an exception)
 * @param missed       calls a fixed-rate schedule could not send before the phase ended; their wait until the
 *                     end is recorded in {@code latency} as a lower bound
 * @param cpu          cores busy while the load ran (this JVM and the whole machine) and the JVM's pauses
 */
public record LoadResult(String name, double targetRate, double seconds, long ok, long failed, long missed, Histogram latency,
                         Histogram fromSend, long sentLate, long[] perSecond, Map<Integer, Long> statuses, CpuMeter.Usage cpu) {
    /** A call sent more than this after it was due counts as sent late (1 ms). */
    public static final long LATE_NANOS = 1_000_000;
    /** {@link #LATE_NANOS} in milliseconds, as the progress lines and the report name it. */
    public static final long LATE_MILLIS = LATE_NANOS / 1_000_000;

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

    /** A percentile of the time from send to answer in milliseconds (NaN when nothing succeeded). */
    public double millisFromSend(double percentile) {
        return fromSend.getTotalCount() == 0 ? Double.NaN : fromSend.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * For a fixed rate, the load generator's share of the latencies: "; from send p99 1.20 ms, 546 sent over 1 ms
     * late"; empty flat out, where every latency is measured from the send.
     */
    public String fromSendSummary() {
        return targetRate <= 0 ? "" : String.format(Locale.ROOT, "; from send p99 %.2f ms, %d sent over %d ms late", millisFromSend(99),
                sentLate, LATE_MILLIS);
    }

    /**
     * The progress line of a finished load step, e.g. "intake: intake-1000: 1000 accepted/s, p50 21.6 ms, p99 61.3 ms,
     * p99.9 95.7 ms (201: 30000; from send p99 60.45 ms, 794 sent over 1 ms late); machine 1.20 of 2 cores, 1.21 ms of
     * CPU per report".
     *
     * @param phase            what the line begins with ("intake", "queries")
     * @param answered         the word for successes per second ("accepted", "answers")
     * @param per              what the CPU is divided by ("report", "answer")
     * @param latencyDecimals  decimals of the latencies
     * @param cpuDecimals      decimals of the CPU per success
     */
    public String progressLine(String phase, String answered, String per, int latencyDecimals, int cpuDecimals) {
        String latency = "%." + latencyDecimals + "f";
        return String.format(Locale.ROOT, "%s: %s: %.0f %s/s, p50 " + latency + " ms, p99 " + latency + " ms, p99.9 " + latency
                        + " ms (%s%s); machine %s cores, %." + cpuDecimals + "f ms of CPU per %s", phase, name(), okPerSecond(), answered,
                millis(50), millis(99), millis(99.9), statusSummary(), fromSendSummary(), machineCores(), machineCpuMillisPerSuccess(), per);
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
