package org.casetrack.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LongSummaryStatistics;

/**
 * CPU used during a phase: by this JVM (services and load generator together, and the broker with
 * {@code --broker-in-process}) and by the whole machine (adding PostgreSQL, the broker's JVM, the
 * tools' child JVMs, and anything else running on it); and this JVM's
 * garbage-collection pauses in it, which every latency of the phase may have waited for.
 */
public final class CpuMeter {
    /** Average cores busy during a phase, and its collection pauses: how many, in all and the longest (ms). */
    public record Usage(double seconds, double jvmCores, double machineCores, int cores, int gcPauses, long gcMillis,
                        long longestGcMillis) {
    }

    public record Snapshot(long wallNanos, long jvmCpuNanos, long machineBusy, long machineTotal, int gcMark) {
    }

    private CpuMeter() {
    }

    public static Snapshot snapshot() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        long busy = -1, total = -1;
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            // user nice system idle iowait ...: idle and iowait are not busy
            busy = total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
        } catch (IOException | RuntimeException e) {
            busy = -1;
        }
        return new Snapshot(System.nanoTime(), jvm, busy, total, GcPauses.get().mark());
    }

    public static Usage since(Snapshot start) {
        Snapshot end = snapshot();
        double wall = Math.max(1, end.wallNanos() - start.wallNanos());
        int cores = Runtime.getRuntime().availableProcessors();
        double jvm = start.jvmCpuNanos() < 0 ? Double.NaN : (end.jvmCpuNanos() - start.jvmCpuNanos()) / wall;
        double machine = start.machineBusy() < 0 || end.machineTotal() == start.machineTotal() ? Double.NaN
                : cores * (double) (end.machineBusy() - start.machineBusy()) / (end.machineTotal() - start.machineTotal());
        LongSummaryStatistics pauses = GcPauses.get().since(start.gcMark());
        return new Usage(wall / 1e9, jvm, machine, cores, (int) pauses.getCount(), pauses.getSum(), pauses.getCount() == 0 ? 0 : pauses.getMax());
    }
}
