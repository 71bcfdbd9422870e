package org.casetrack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casetrack.devstack.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path out;

    @Test
    void aSecondRunOnTheSameDirectoryIsRefusedNamingTheFirstUntilTheFirstProcessEnds() throws Exception {
        Process first = new ProcessBuilder(ChildJvm.command(List.of("-Xmx64m"), Holder.class.getName(), List.of(out.toString())))
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("held");

            assertThatThrownBy(() -> RunLock.acquire(out))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another bench run is using " + out.toAbsolutePath())
                    .hasMessageContaining("pid " + first.pid() + ", started ")
                    .hasMessageContaining("--out another directory");

            first.getOutputStream().close(); // the holder exits without releasing: the lock goes with its process
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (RunLock second = RunLock.acquire(out)) {
                assertThat(out.resolve(RunLock.FILE)).content().startsWith("pid " + ProcessHandle.current().pid() + ", started ");
            }
        } finally {
            first.destroyForcibly();
        }
    }

    @Test
    void withinOneJvmTheLockIsHeldUntilClosed() throws Exception {
        RunLock held = RunLock.acquire(out.resolve("made-for-the-run"));
        assertThatThrownBy(() -> RunLock.acquire(out.resolve("made-for-the-run"))).hasMessageContaining("another bench run");
        held.close();
        RunLock.acquire(out.resolve("made-for-the-run")).close();
    }

    /** Holds the lock of the directory given until its standard input ends, then exits without closing it. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            RunLock lock = RunLock.acquire(Path.of(args[0]));
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the end of the input
            }
            Runtime.getRuntime().halt(lock == null ? 1 : 0);
        }
    }
}
