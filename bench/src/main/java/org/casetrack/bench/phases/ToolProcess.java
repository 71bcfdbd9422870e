package org.casetrack.bench.phases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casetrack.devstack.ChildJvm;

/**
 * Runs one of Kafka's own tools (kafka-tools) as a child JVM on this JVM's class path, the way
 * kafka-run-class.sh would, echoing its output as progress and keeping it for parsing.
 */
final class ToolProcess {
    private ToolProcess() {
    }

    static List<String> run(String mainClass, List<String> arguments, Duration timeout, PrintStream progress) {
        List<String> command = ChildJvm.command(List.of("-Xmx512m", "-Duser.language=en", "-Duser.country=US"), mainClass, arguments);
        String tool = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                        progress.println("  [" + tool + "] " + line);
                    }
                } catch (IOException e) {
                    progress.println("  [" + tool + "] output ended: " + e.getClass().getSimpleName());
                }
            }, tool + "-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within " + timeout);
            }
            reader.join(5_000);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(tool + " exited with " + process.exitValue());
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + tool, e);
        }
    }
}
