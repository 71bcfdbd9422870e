package org.casetrack.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The compiler threads' CPU time is found where Linux keeps per-thread statistics. */
class CompilerCpuTest {
    @Test
    void findsTheCompilerThreadsAndTheirCpuTimeOnLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/task")), "no /proc here");

        long millis = CompilerCpu.millis();

        // a JVM that has started JUnit has compiled hundreds of methods by now
        assertThat(millis).isPositive();
        assertThat(CompilerCpu.available()).isTrue();
        assertThat(millis).isLessThan(ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis() + 1);
    }
}
