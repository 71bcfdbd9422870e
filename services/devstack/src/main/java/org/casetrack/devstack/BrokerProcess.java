package org.casetrack.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EmbeddedKafka} in a child JVM of its own, on this JVM's class path: its threads, heap and
 * collections stay out of the parent's, as a broker's do in any real deployment. The child stops when
 * {@link #close} ends its standard input, and by itself when this JVM dies.
 */
public final class BrokerProcess implements KafkaBroker {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** Kafka's default broker heap (kafka-server-start.sh's KAFKA_HEAP_OPTS), which casetrack keeps. */
    public static final List<String> KAFKA_HEAP_OPTIONS = List.of("-Xmx1G", "-Xms1G");

    /**
     * Kafka's own defaults for a broker JVM: {@link #KAFKA_HEAP_OPTIONS} and kafka-run-class.sh's
     * KAFKA_JVM_PERFORMANCE_OPTS.
     */
    public static final List<String> KAFKA_JVM_OPTIONS = withKafkaHeap(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-XX:MaxInlineLevel=15",
            "-Djava.awt.headless=true"));

    /**
     * What casetrack runs its brokers with in place of kafka-run-class.sh's KAFKA_JVM_PERFORMANCE_OPTS:
     * ZGC rather than G1 (docs/decisions/0022). docker-compose.yml sets the same for its brokers.
     */
    public static final List<String> BROKER_PERFORMANCE_OPTIONS = List.of("-XX:+UseZGC", "-XX:MaxInlineLevel=15",
            "-Djava.awt.headless=true");

    /** The whole broker JVM casetrack runs: {@link #KAFKA_HEAP_OPTIONS} and {@link #BROKER_PERFORMANCE_OPTIONS}. */
    public static final List<String> BROKER_JVM_OPTIONS = withKafkaHeap(BROKER_PERFORMANCE_OPTIONS);

    private final Process process;
    private final String bootstrapServers;

    private static List<String> withKafkaHeap(List<String> performance) {
        return Stream.concat(KAFKA_HEAP_OPTIONS.stream(), performance.stream()).toList();
    }

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the child JVM and waits until its broker takes connections.
     *
     * @param dir        the broker's data directory (formatted the first time, as {@link EmbeddedKafka#start})
     * @param port       the client port, or 0 for the one used last time on {@code dir} (or a free one)
     * @param jvmOptions the child's JVM options, e.g. {@link #BROKER_JVM_OPTIONS}
     * @param output     gets every line the child prints
     * @param timeout    how long the broker may take to start
     */
    public static BrokerProcess start(Path dir, int port, List<String> jvmOptions, Consumer<String> output, Duration timeout) {
        List<String> command = ChildJvm.command(jvmOptions, BrokerProcessMain.class.getName(),
                List.of(dir.toAbsolutePath().toString(), Integer.toString(port)));
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a broker JVM", e);
        }
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!ready.isDone() && line.startsWith(BrokerProcessMain.READY)) {
                        ready.complete(line.substring(BrokerProcessMain.READY.length()).trim());
                    }
                    output.accept(line);
                }
            } catch (IOException e) {
                output.accept("(the broker's output ended: " + e.getClass().getSimpleName() + ")");
            }
            ready.completeExceptionally(new IllegalStateException("The broker JVM exited before its broker was up"));
        }, "broker-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String bootstrap = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Kafka broker up in a JVM of its own (pid {}) on {} in {} ms", process.pid(), bootstrap,
                    (System.nanoTime() - started) / 1_000_000);
            return new BrokerProcess(process, bootstrap);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("The broker JVM did not come up within " + timeout + " (" + stop(process) + ")", cause);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting a broker JVM", e);
        }
    }

    /** Waits a little for a child whose output has ended to exit, else kills it; says which. */
    private static String stop(Process process) {
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return "exit " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return "still running; killed";
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the child's standard input, which stops its broker, and waits; kills it if it takes longer than a minute. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.warn("Cannot close the broker JVM's input ({}); stopping it with SIGTERM", e.getClass().getSimpleName());
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The broker JVM (pid {}) did not stop within {}; killing it", process.pid(), STOP_TIMEOUT);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("Kafka broker JVM (pid {}) stopped", process.pid());
    }
}
