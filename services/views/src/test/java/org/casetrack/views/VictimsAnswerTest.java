package org.casetrack.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casetrack.views.Events.escape;
import static org.casetrack.views.Events.registered;
import static org.casetrack.views.Events.repatriated;
import static org.casetrack.views.Events.withHeadcount;
import static org.casetrack.views.support.Scenario.day;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;
import org.casetrack.avro.CompoundState;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.views.support.Http;
import org.casetrack.views.support.LedgerOutput;
import org.casetrack.views.support.ViewsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A coordinator's answer for one compound is rendered once and given again until the compound's counts
 * or registry state change: each change below is made while the answer before it is held, and must show.
 */
@ExtendWith(DevStackExtension.class)
class VictimsAnswerTest {
    private static final String PATH = "/api/v1/compounds/later/victims";

    @Test
    void aCoordinatorsAnswerFollowsEveryChangeOfItsCompound(TestScope scope) {
        ViewsServer.Keys keys = ViewsServer.Keys.generate();
        try (ViewsServer server = ViewsServer.start(scope, keys, "a")) {
            server.awaitRunning();
            String coordinator = Http.token(server.url(), keys.adminToken(), "coordinator", "coordinator-1");
            try (LedgerOutput ledger = new LedgerOutput(scope.bootstrapServers(), scope.topics(), server.context().getBean(TopicSerdes.class))) {
                assertThat(Http.get(server.url(), PATH, coordinator).status()).as("nothing known of it yet").isEqualTo(404);

                ledger.caseEvent(escape("case-1", "later", "TH", day(30)));
                ledger.flush();
                JsonNode one = answerOnce(server, coordinator, a -> a.get("total").asInt() == 1);
                assertThat(one.has("estimated")).isFalse();

                ledger.caseEvent(escape("case-2", "later", "VN", day(20)));
                ledger.flush();
                JsonNode two = answerOnce(server, coordinator, a -> a.get("total").asInt() == 2);
                assertThat(two.get("byNationality").get("VN").asInt()).isEqualTo(1);

                ledger.caseEvent(repatriated("case-1", day(10)));
                ledger.flush();
                JsonNode back = answerOnce(server, coordinator, a -> a.get("repatriated").asInt() == 1);
                assertThat(back.get("unrepatriated").asInt()).isEqualTo(1);

                CompoundState registeredLater = withHeadcount(registered("later", "Compound registered later", day(40)), 100, 300, day(5));
                ledger.register(registeredLater);
                ledger.flush();
                JsonNode estimated = answerOnce(server, coordinator, a -> a.has("estimated"));
                assertThat(estimated.get("estimated").get("min").asInt()).isEqualTo(100);
                assertThat(estimated.get("total").asInt()).isEqualTo(2);

                ledger.register(withHeadcount(registeredLater, 150, 400, day(2)));
                ledger.flush();
                answerOnce(server, coordinator, a -> a.get("estimated").get("min").asInt() == 150);
            }
        }
    }

    /** Asks until the answer shows the change, then asks again: the same answer, held now. */
    private static JsonNode answerOnce(ViewsServer server, String token, Predicate<JsonNode> changed) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            Http.Response r = Http.get(server.url(), PATH, token);
            if (r.status() != 200) {
                return false;
            }
            seen[0] = r.body();
            return changed.test(seen[0]);
        });
        assertThat(Http.get(server.url(), PATH, token).body()).isEqualTo(seen[0]);
        return seen[0];
    }
}
