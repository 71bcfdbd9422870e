package org.casetrack.casefiles.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.ServiceType;
import org.casetrack.casefiles.projector.ProjectorStatus.State;
import org.casetrack.casefiles.support.CaseFilesServer;
import org.casetrack.casefiles.support.CaseScript;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.EventLog;
import org.casetrack.casefiles.support.ProjectionCheck;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.EmbeddedDatabase;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stopped and started under a running service while events keep flowing: the projector
 * pauses and retries, the API answers 503, and when the database is back everything arrives, once.
 * The database is the test's own (the shared one serves other test classes).
 */
@ExtendWith(DevStackExtension.class)
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsDownTheProjectorWaitsAndTheApiAnswers503ThenEverythingArrives(TestScope scope) throws Exception {
        scope.provisionTopics();
        Path dir = Files.createDirectories(Path.of("target", "outage-" + scope.id())).toAbsolutePath();
        AtomicReference<EmbeddedDatabase> database = new AtomicReference<>(EmbeddedDatabase.start(dir, 0));
        try (CaseFilesServer server = CaseFilesServer.start(scope, Map.of("database.url", database.get().jdbcUrl(),
                "database.connection-timeout", "1s", "casetrack.token-cache-ttl", "10m",
                "casefiles.retry-backoff", "200ms", "casefiles.max-retry-backoff", "1s"))) {
            String coordinator = server.issue("coordinator", "coordinator-outage", "IOM Cambodia");
            assertThat(server.get("/api/v1/cases", coordinator).status()).isEqualTo(200);
            ProjectorLifecycle projector = server.bean(ProjectorLifecycle.class);
            DerivedRows rows = server.rows();

            AtomicBoolean flowing = new AtomicBoolean(true);
            AtomicInteger cases = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try (EventLog log = server.eventLog()) {
                    while (flowing.get()) {
                        log.write(CaseScript.of(CaseScript.OPAQUE).escaped("VN", LocalDate.of(2026, 1, 10), null)
                                .then(ReferralMade.newBuilder().setService(ServiceType.SHELTER).setTo("Shelter")
                                        .setReferredOn(LocalDate.of(2026, 1, 11)).build()).events());
                        cases.incrementAndGet();
                    }
                }
            }, "event-writer");
            writer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("derived.cases") >= 20);

            database.get().close();
            CaseFilesServer.Response down = server.get("/api/v1/cases", coordinator);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.retryAfter()).isNotNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> projector.status().orElseThrow().state() == State.RETRYING);
            int writtenWhileDown = cases.get();

            database.set(EmbeddedDatabase.start(dir, 0));
            await().atMost(Duration.ofSeconds(60)).until(() -> projector.status().orElseThrow().state() == State.RUNNING
                    && cases.get() > writtenWhileDown);
            flowing.set(false);
            writer.join(30_000);

            await().atMost(Duration.ofSeconds(90)).until(() -> rows.count("derived.cases") == cases.get());
            await().atMost(Duration.ofSeconds(30)).until(() -> projector.lag() == 0);
            ProjectionCheck.matchesTheTopics(scope, server.bean(TopicSerdes.class), rows);
            CaseFilesServer.Response up = server.get("/api/v1/cases?size=1", coordinator);
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().get("total").asLong()).isEqualTo(cases.get());
        } finally {
            database.get().close();
            DevStackExtension.deleteRecursively(dir);
        }
    }
}
