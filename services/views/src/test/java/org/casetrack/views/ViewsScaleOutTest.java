package org.casetrack.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.views.support.Expected;
import org.casetrack.views.support.Http;
import org.casetrack.views.support.LedgerOutput;
import org.casetrack.views.support.Scenario;
import org.casetrack.views.support.ViewsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two views instances share the partitions; every key and every aggregate is answered correctly from either. */
@ExtendWith(DevStackExtension.class)
class ViewsScaleOutTest {

    @Test
    void everyKeyIsAnsweredCorrectlyFromEitherInstance(TestScope scope) {
        ViewsServer.Keys keys = ViewsServer.Keys.generate();
        try (ViewsServer a = ViewsServer.start(scope, keys, "a"); ViewsServer b = ViewsServer.start(scope, keys, "b")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> a.isRunning() && b.isRunning()
                    && !activeTasks(a).isEmpty() && !activeTasks(b).isEmpty());
            String coordinator = Http.token(a.url(), keys.adminToken(), "coordinator", "coordinator-1");
            try (LedgerOutput ledger = new LedgerOutput(scope.bootstrapServers(), scope.topics(), a.context().getBean(TopicSerdes.class))) {
                Scenario.write(ledger);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Expected.all(a.url(), coordinator);
                Expected.all(b.url(), coordinator);
            });
            assertThat(activeTasks(a)).doesNotContainAnyElementsOf(activeTasks(b));
            assertThat(a.generation().streams().metadataForLocalThreads()).as("views.stream-threads").hasSize(2);
            // the compound keys live on both instances, so some answers were fetched from the other one
            List<Integer> ownersOfCompounds = List.of("gwp", "poipet", "bavet", "kampot", "UNKNOWN").stream()
                    .map(id -> a.generation().streams().queryMetadataForKey("victims-per-compound-store", id,
                            org.apache.kafka.common.serialization.Serdes.String().serializer()).activeHost().port())
                    .distinct().toList();
            assertThat(ownersOfCompounds).hasSize(2);
        }
    }

    private static List<String> activeTasks(ViewsServer server) {
        return server.generation().streams().metadataForLocalThreads().stream()
                .flatMap(t -> t.activeTasks().stream()).map(t -> t.taskId().toString()).toList();
    }
}
