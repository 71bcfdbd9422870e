package org.casetrack.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded infrastructure alone (broker, PostgreSQL, schema registry) on
 * CASETRACK_DATA_DIR until Ctrl-C, printing where each part listens.
 */
public final class DevStackMain {
    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(Optional.ofNullable(System.getenv("CASETRACK_DATA_DIR")).orElse("data")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(Optional.ofNullable(System.getenv("CASETRACK_KAFKA_PORT")).orElse("9092"));
        String adminToken = Optional.ofNullable(System.getenv("CASETRACK_ADMIN_TOKEN")).orElse(UUID.randomUUID().toString());
        DevStack stack = DevStack.start(new DevStack.Options(dir, kafkaPort, 0, 0, adminToken,
                org.casetrack.schemas.topics.TopicSettings.embedded(), List.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        System.out.println("Kafka:      " + stack.bootstrapServers());
        System.out.println("PostgreSQL: " + stack.jdbcUrl() + " (user postgres)");
        System.out.println("Registry:   " + stack.registryUrl() + " (writes need the admin token " + adminToken + ")");
        System.out.println("Data:       " + dir + "   Ctrl-C stops.");
        stopped.await();
    }
}
