package org.casetrack.bench;

import java.nio.file.Path;
import java.util.List;
import org.casetrack.devstack.BrokerProcess;
import org.casetrack.devstack.DevStack;
import org.casetrack.devstack.DevStackExtension;
import org.slf4j.LoggerFactory;

/**
 * bench/run's entry point: starts the embedded infrastructure (a KRaft broker, in a JVM of its own
 * unless {@code --broker-in-process}, PostgreSQL and the schema registry) under {@code <out>/stack},
 * fresh for every run, and runs the benchmark on it. One run per output directory at a time ({@link RunLock}).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.HELP);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(options.out());
        } catch (IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        } catch (java.io.IOException e) {
            System.err.println("bench: cannot take the run lock in " + options.out().toAbsolutePath() + ": " + e);
            System.exit(2);
            return;
        }
        Path stackDir = options.out().resolve("stack").toAbsolutePath();
        DevStackExtension.deleteRecursively(stackDir);
        String command = "bench/run " + String.join(" ", args);
        int exit = 0;
        List<String> brokerJvm = options.brokerInProcess() ? List.of()
                : options.brokerKafkaDefaults() ? BrokerProcess.KAFKA_JVM_OPTIONS : BrokerProcess.BROKER_JVM_OPTIONS;
        String broker = brokerJvm.isEmpty() ? Infrastructure.BROKER_IN_THIS_JVM
                : "in a JVM of its own with " + (options.brokerKafkaDefaults() ? "Kafka's default options" : "casetrack's options")
                + " (" + String.join(" ", brokerJvm) + ")";
        try (DevStack stack = DevStack.start(DevStack.Options.at(stackDir, "bench-registry-" + java.util.UUID.randomUUID())
                .withBrokerJvm(brokerJvm))) {
            Infrastructure infra = new Infrastructure(stack.bootstrapServers(), stack.jdbcUrl(), "", stackDir, broker);
            new Bench(options, System.out).run(infra, command.trim());
        } catch (Exception | Error e) {
            // the stack is closed by now (try-with-resources), so no broker or PostgreSQL outlives the run
            LoggerFactory.getLogger(BenchMain.class).error("bench: failed", e);
            exit = 1;
        } finally {
            try {
                DevStackExtension.deleteRecursively(stackDir);
            } finally {
                lock.close();
            }
        }
        // the embedded broker and PostgreSQL leave non-daemon threads behind
        System.exit(exit);
    }
}
