package org.casetrack.bench;

import java.nio.file.Path;

/**
 * Where the services under test run: the broker, the database, a topic prefix (empty for a run of
 * its own, a test's prefix in the smoke test) and a working directory for state and child processes.
 */
public record Infrastructure(String bootstrapServers, String jdbcUrl, String topicPrefix, Path workDir) {
}
