package org.casetrack.standalone.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * target/casetrack.jar run as a separate process, as a person would run it: its environment, its
 * standard output and error in a file, stopped with SIGTERM (Ctrl-C's signal for a service).
 */
public final class StandaloneProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "casetrack.jar");
    private static final Pattern READY = Pattern.compile("casetrack ready on (http://\\S+)");
    private static final Pattern ADMIN_TOKEN = Pattern.compile("^admin token: ([A-Za-z0-9_-]{20,})", Pattern.MULTILINE);

    private final Process process;
    private final Path output;

    private StandaloneProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static StandaloneProcess start(Map<String, String> environment, Path output, String... args) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn verify (the jar is built in package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CASETRACK_") || k.startsWith("KAFKA_") || k.startsWith("DATABASE_"));
        builder.environment().putAll(environment);
        try {
            return new StandaloneProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + JAR, e);
        }
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the ready line and returns the URL it names. */
    public String awaitReady(Duration timeout) {
        await("the ready line").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("casetrack exited with " + process.exitValue() + ":\n" + output());
            }
            return READY.matcher(output()).find();
        });
        Matcher m = READY.matcher(output());
        m.find();
        return m.group(1);
    }

    public Optional<String> printedAdminToken() {
        Matcher m = ADMIN_TOKEN.matcher(output());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public void awaitOutput(String text, Duration timeout) {
        await(text).atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive() && !output().contains(text)) {
                throw new IllegalStateException("casetrack exited with " + process.exitValue() + ":\n" + output());
            }
            return output().contains(text);
        });
    }

    /** SIGTERM, then waits for the process to end; returns its exit code. */
    public int stop(Duration timeout) {
        process.destroy();
        await("casetrack to stop").atMost(timeout).until(() -> !process.isAlive());
        return process.exitValue();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
