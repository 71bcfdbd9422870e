package org.casetrack.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casetrack.access.tokens.TokenStore;
import org.casetrack.devstack.ApiClient;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.views.Events;
import org.casetrack.views.support.Expected;
import org.casetrack.views.support.Http;
import org.casetrack.views.support.LedgerOutput;
import org.casetrack.views.support.Scenario;
import org.casetrack.views.support.ViewsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's live stream on the real broker and database, over the sample population the
 * views' own end-to-end tests use: what each role is sent, when, and how a stream ends.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    EmbeddedServer server;
    String url;
    ViewsServer.Keys keys;
    TestScope scope;
    String coordinator, monitor, embassyTh;
    final List<SseReader> whileStarting = new ArrayList<>();

    @BeforeAll
    void start(TestScope scope) {
        this.scope = scope;
        keys = ViewsServer.Keys.generate();
        Map<String, Object> props = ViewsServer.settings(scope, keys);
        props.put("micronaut.server.port", -1);
        props.put("casetrack.data-dir", "target/state/" + scope.id() + "/dashboard");
        props.put("views.dashboard.heartbeat", "PT1S");
        // the views start with the HTTP server: the token is issued before, so the stream is asked from the first moment
        ApplicationContext context = ApplicationContext.run(props);
        monitor = context.getBean(TokenStore.class).issue("monitor-1", "monitor", "test-org", Instant.now().plus(Duration.ofDays(1)),
                "test").secret();
        server = context.getBean(EmbeddedServer.class).start();
        url = server.getURL().toString();
        // from the moment the server takes requests until the views are queryable
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try (SseReader stream = SseReader.open(url, monitor)) {
                if (stream.status == 503) {
                    whileStarting.add(stream);
                    return false;
                }
                assertThat(stream.status).isEqualTo(200);
                return true;
            }
        });
        coordinator = Http.token(url, keys.adminToken(), "coordinator", "coordinator-1");
        embassyTh = Http.token(url, keys.adminToken(), "embassy:TH", "embassy-th-1");
        try (LedgerOutput ledger = ledger()) {
            Scenario.write(ledger);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Expected.all(url, coordinator));
        // a snapshot is reused for half a check interval: the monitor's, taken while starting, may still be the empty one
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String token : List.of(coordinator, monitor, embassyTh)) {
                SnapshotAgreement.assertSameAsApi(url, token, Http.get(url, "/api/v1/dashboard/snapshot", token).body());
            }
        });
    }

    @AfterAll
    void stop() {
        server.getApplicationContext().close();
    }

    private LedgerOutput ledger() {
        return new LedgerOutput(scope.bootstrapServers(), scope.topics(), server.getApplicationContext().getBean(TopicSerdes.class));
    }

    private static JsonNode snapshot(SseReader stream) throws Exception {
        SseReader.Event first = stream.next(Duration.ofSeconds(30));
        assertThat(first).as("an event arrived").isNotNull();
        assertThat(first.name()).isEqualTo("snapshot");
        return JSON.readTree(first.data());
    }

    @Test
    void answers503WithRetryAfterWhileTheViewsAreStarting() {
        assertThat(whileStarting).as("asked before the views were queryable").isNotEmpty();
        assertThat(whileStarting).allSatisfy(r -> {
            assertThat(r.contentType).startsWith("application/problem+json");
            assertThat(r.retryAfter).isNotBlank();
        });
    }

    @Test
    void sendsASnapshotAtOnceWithTheNumbersTheViewsApiGivesTheSameCaller() throws Exception {
        for (String token : List.of(coordinator, monitor, embassyTh)) {
            try (SseReader stream = SseReader.open(url, token)) {
                assertThat(stream.status).isEqualTo(200);
                assertThat(stream.contentType).startsWith("text/event-stream");
                JsonNode snapshot = snapshot(stream);
                SnapshotAgreement.assertSameAsApi(url, token, snapshot);
                assertThat(Http.get(url, "/api/v1/dashboard/snapshot", token).body()).isEqualTo(snapshot);
            }
        }
        JsonNode exact = Http.get(url, "/api/v1/dashboard/snapshot", coordinator).body();
        assertThat(SnapshotAgreement.compound(exact, "gwp").get("total").asInt()).isEqualTo(32);
        assertThat(exact.at("/audience/suppressed").asBoolean()).isFalse();
        JsonNode suppressed = Http.get(url, "/api/v1/dashboard/snapshot", monitor).body();
        assertThat(SnapshotAgreement.compound(suppressed, "poipet").get("repatriated").asText()).isEqualTo("<5");
        assertThat(suppressed.at("/unrepatriated/byNationality/CN").asText()).isEqualTo("<5");
        assertThat(suppressed.at("/audience/suppressed").asBoolean()).isTrue();
        JsonNode embassy = Http.get(url, "/api/v1/dashboard/snapshot", embassyTh).body();
        assertThat(fieldNames(embassy.at("/unrepatriated/byNationality"))).allMatch("TH"::equals);
        assertThat(embassy.at("/audience/nationality").asText()).isEqualTo("TH");
    }

    @Test
    void sendsANewSnapshotOnlyWhenTheNumbersChangeAndHeartbeatsWhileIdle() throws Exception {
        try (SseReader stream = SseReader.open(url, monitor)) {
            JsonNode first = snapshot(stream);
            List<SseReader.Event> idle = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                SseReader.Event e = stream.nextItem(Duration.ofSeconds(1));
                if (e != null) {
                    idle.add(e);
                }
                return idle.stream().filter(i -> i.name().equals("comment")).count() >= 2;
            });
            assertThat(idle).as("nothing changed: heartbeats only").noneMatch(e -> e.name().equals("snapshot"));

            try (LedgerOutput ledger = ledger()) {
                for (int i = 0; i < 7; i++) {
                    ledger.caseEvent(Events.escape("kr-" + i, "kampot", "KR", Scenario.day(2)));
                }
                ledger.flush();
            }
            SseReader.Event next = stream.next(Duration.ofSeconds(60));
            assertThat(next).isNotNull();
            assertThat(next.name()).isEqualTo("snapshot");
            JsonNode changed = JSON.readTree(next.data());
            assertThat(SnapshotAgreement.compound(first, "kampot").get("total").asInt()).isZero();
            assertThat(SnapshotAgreement.compound(changed, "kampot").get("total").asInt()).isEqualTo(7);
            assertThat(changed.at("/unrepatriated/byNationality/KR").asInt()).isEqualTo(7);
        }
    }

    @Test
    void aRevokedTokenEndsItsStreamWithSignedOut() throws Exception {
        ApiClient api = new ApiClient(url);
        String token = api.issueToken(keys.adminToken(), "monitor", "monitor-to-revoke", "test-org");
        try (SseReader stream = SseReader.open(url, token)) {
            snapshot(stream);
            assertThat(api.delete("/api/v1/tokens/monitor-to-revoke", keys.adminToken()).status()).isIn(200, 204);
            SseReader.Event next = stream.next(Duration.ofSeconds(30));
            assertThat(next).isNotNull();
            assertThat(next.name()).isEqualTo("signed-out");
            await().atMost(Duration.ofSeconds(10)).until(stream::ended);
        }
    }

    @Test
    void refusesAStreamWithoutAValidTokenOrToAnAdmin() throws Exception {
        try (SseReader none = SseReader.open(url, null); SseReader bad = SseReader.open(url, "not-a-token");
             SseReader admin = SseReader.open(url, keys.adminToken())) {
            assertThat(none.status).isEqualTo(401);
            assertThat(none.contentType).startsWith("application/problem+json");
            assertThat(bad.status).isEqualTo(401);
            assertThat(admin.status).isEqualTo(403);
            assertThat(admin.contentType).startsWith("application/problem+json");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
