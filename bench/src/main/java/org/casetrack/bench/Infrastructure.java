package org.casetrack.bench;

import java.nio.file.Path;

/**
 * Where the services under test run: the broker, the database, a topic prefix (empty for a run of
 * its own, a test's prefix in the smoke test), a working directory for state and child processes,
 * and where the broker runs, in words for the report.
 */
public record Infrastructure(String bootstrapServers, String jdbcUrl, String topicPrefix, Path workDir, String broker) {
    public static final String BROKER_IN_THIS_JVM = "in the bench's JVM, beside the services";

    /** Infrastructure whose broker runs in this JVM. */
    public Infrastructure(String bootstrapServers, String jdbcUrl, String topicPrefix, Path workDir) {
        this(bootstrapServers, jdbcUrl, topicPrefix, workDir, BROKER_IN_THIS_JVM);
    }
}
