package org.casetrack.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's JIT compiler threads, from Linux's per-thread scheduler statistics
 * ({@code /proc/self/task/<tid>/schedstat}, whose first field is the time on a CPU in ns). The JVM's
 * own compilation time is wall time: with two cores shared by the whole stack it read 1.0-1.6 "cores"
 * while the compiler threads used about 0.4.
 */
final class CompilerCpu {
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerCpu() {
    }

    /** True when the compiler threads can be found and read here. */
    static boolean available() {
        return millis() > 0;
    }

    /**
     * The compiler threads' CPU time in ms, summed over the threads alive now; 0 when unreadable. A
     * compiler thread that exits takes its time with it, so a later sum can be smaller: the settling
     * reads that as no compiling.
     */
    static long millis() {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        long nanos = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                nanos += compilerNanos(task);
            }
        } catch (IOException e) {
            return 0;
        }
        return nanos / 1_000_000;
    }

    private static long compilerNanos(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            String schedstat = Files.readString(task.resolve("schedstat")).strip();
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            // the thread ended while it was read, or the kernel keeps no statistics: it counts nothing
            return 0;
        }
    }
}
