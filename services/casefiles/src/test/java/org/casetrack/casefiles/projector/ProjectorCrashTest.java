package org.casetrack.casefiles.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.ProjectionCheck;
import org.casetrack.casefiles.support.EventLog;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.casefiles.support.ProjectorFixture;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A projector killed in the middle of a batch (its JVM halted with the batch's rows written but not
 * committed) and a new one started: every event of the topics is in PostgreSQL exactly once.
 */
@ExtendWith(DevStackExtension.class)
class ProjectorCrashTest {

    @Test
    void aProjectorKilledMidBatchIsReplacedWithoutADuplicateOrAGap(TestScope scope) throws Exception {
        scope.provisionTopics();
        ProjectorFixture.Scenario scenario = ProjectorFixture.scenario(4, 60);
        try (EventLog log = new EventLog(scope.bootstrapServers(), scope.topics(), ProjectorFixture.serdes(scope))) {
            ProjectorFixture.write(log, scenario, 30);
        }
        try (HikariDataSource pool = Pools.pool(scope.jdbcUrl())) {
            DerivedRows rows = new DerivedRows(pool);

            Process child = crashingProjector(scope, 3, 25);
            try {
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the crashing projector halted").isTrue();
            } finally {
                child.destroyForcibly(); // a child that never reached its crash must not outlive the test
            }
            assertThat(child.exitValue()).isEqualTo(137);
            assertThat(Files.readString(output(scope))).contains(CrashingProjector.HALTING + " 3");

            long committed = rows.count("derived.case_events") + rows.count("derived.compound_events");
            assertThat(committed).as("two batches committed, the third not").isPositive().isLessThan(scenario.size());
            assertNoRowBeyondTheStoredOffsets(rows);

            try (CaseFilesProjector restarted = ProjectorFixture.projector(scope, ProjectorFixture.QUICK, pool, BatchObserver.NONE)) {
                await().atMost(Duration.ofSeconds(120)).until(() ->
                        rows.count("derived.case_events") + rows.count("derived.compound_events") == scenario.size());
                await().atMost(Duration.ofSeconds(30)).until(() -> restarted.lag() == 0);
            }
            ProjectionCheck.matchesTheTopics(scope, rows);
        }
    }

    private static void assertNoRowBeyondTheStoredOffsets(DerivedRows rows) {
        Map<TopicPartition, Long> offsets = rows.offsets();
        List<String> beyond = rows.query("SELECT e.source_partition, e.source_offset, o.next_offset FROM derived.case_events e"
                + " JOIN derived.casefiles_offsets o ON o.topic LIKE '%case-events' AND o.partition = e.source_partition"
                + " WHERE e.source_offset >= o.next_offset", rs -> rs.getInt(1) + "@" + rs.getLong(2));
        assertThat(offsets).isNotEmpty();
        assertThat(beyond).as("rows of the uncommitted batch").isEmpty();
    }

    private static Path output(TestScope scope) {
        return Path.of("target", "crashing-projector-" + scope.id() + ".log").toAbsolutePath();
    }

    private static Process crashingProjector(TestScope scope, int crashOnBatch, int recordsPerPoll) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.casetrack.avro",
                "-cp", System.getProperty("java.class.path"), CrashingProjector.class.getName(),
                scope.bootstrapServers(), scope.topics().prefix(), scope.jdbcUrl(), Integer.toString(crashOnBatch),
                Integer.toString(recordsPerPoll));
        builder.redirectErrorStream(true).redirectOutput(output(scope).toFile());
        return builder.start();
    }
}
