package org.casetrack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.awaitility.Awaitility;
import org.casetrack.bench.data.FieldModel;
import org.casetrack.bench.data.ReportBodies;
import org.casetrack.bench.load.Api;
import org.casetrack.bench.phases.Settle;
import org.casetrack.casefiles.projector.ProjectorLifecycle;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.views.config.ViewsService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bench's write-path-alone phases: while the read side is paused, reports are accepted but
 * neither the views nor the case files take them in, and the case-file projector shows behind (it
 * keeps its position in PostgreSQL, not in Kafka); once resumed, both catch up with every person.
 */
@ExtendWith(DevStackExtension.class)
class ReadSideTest {

    @Test
    void pausedReadSideTakesNothingInAndCatchesUpWhenResumed(TestScope scope) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "read-side", scope.id())).toAbsolutePath();
        Infrastructure infra = new Infrastructure(scope.bootstrapServers(), scope.jdbcUrl(), scope.topics().prefix(), dir);
        try (Services services = Services.start(infra)) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            String compound = services.discoverCompounds(1, today).get(0);
            Api api = services.coordinator();
            ReportBodies bodies = new ReportBodies(new FieldModel(1), List.of(compound), today);
            ReadSide readSide = new ReadSide(services.context());
            ProjectorLifecycle projector = services.context().getBean(ProjectorLifecycle.class);

            readSide.pause();
            assertThat(services.context().getBean(ViewsService.class).current().orElseThrow().streams().isPaused()).isTrue();
            assertThat(projector.status()).as("the projector is stopped").isEmpty();
            assertThat(api.postStatus("/api/v1/escapes", bodies.escape(compound, 3, new SplittableRandom(7), 0)))
                    .as("the write path answers while the read side is paused").isEqualTo(201);
            Thread.sleep(2000);
            assertThat(victims(api, compound)).as("the paused views took nothing in").isZero();
            Settle settle = Bench.settle(services.context(), System.out);
            String caseFiles = Bench.caseFilesGroup(services.context());
            assertThat(settle.lag(caseFiles)).as("the stopped projector is behind").isPositive();

            readSide.resume();
            Awaitility.await("views caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> victims(api, compound) == 3);
            Awaitility.await("case files caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> cases(api, compound) == 3);
            assertThat(projector.status()).as("the projector runs again").isPresent();
            Awaitility.await("the projector's stored positions caught up").atMost(Duration.ofSeconds(30))
                    .until(() -> settle.lag(caseFiles) == 0);
        }
    }

    private static int victims(Api api, String compound) throws Exception {
        Api.Reply reply = api.get("/api/v1/compounds/" + compound + "/victims");
        return reply.status() == 200 ? reply.json().path("total").asInt() : -1;
    }

    private static long cases(Api api, String compound) throws Exception {
        Api.Reply reply = api.get("/api/v1/cases?compoundId=" + compound);
        return reply.status() == 200 ? reply.json().path("total").asLong() : -1;
    }
}
