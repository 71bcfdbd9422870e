package org.casetrack.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.views.domain.Attacker;
import org.casetrack.views.domain.NoDisclosureTest;
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

/** What each role reads from the views over HTTP, and the errors of bad requests. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsRolesTest {
    ViewsServer server;
    ViewsServer.Keys keys;
    String coordinator, monitor, embassyTh, embassyVn;

    @BeforeAll
    void start(TestScope scope) {
        keys = ViewsServer.Keys.generate();
        server = ViewsServer.start(scope, keys, "a");
        server.awaitRunning();
        coordinator = Http.token(server.url(), keys.adminToken(), "coordinator", "coordinator-1");
        monitor = Http.token(server.url(), keys.adminToken(), "monitor", "monitor-1");
        embassyTh = Http.token(server.url(), keys.adminToken(), "embassy:TH", "embassy-th-1");
        embassyVn = Http.token(server.url(), keys.adminToken(), "embassy:VN", "embassy-vn-1");
        try (LedgerOutput ledger = new LedgerOutput(scope.bootstrapServers(), scope.topics(), server.context().getBean(TopicSerdes.class))) {
            Scenario.write(ledger);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Expected.all(server.url(), coordinator));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode get(String path, String token) {
        Http.Response r = Http.get(server.url(), path, token);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void monitorsSeeSmallCountsAsLessThanFiveAndNoBreakdownByNationalityWithinACompound() {
        JsonNode gwp = get("/api/v1/compounds/gwp/victims", monitor);
        assertThat(gwp.get("total").asInt()).isEqualTo(32);
        assertThat(gwp.get("detained").asInt()).isEqualTo(6);
        assertThat(gwp.has("byNationality")).isFalse();
        JsonNode poipet = get("/api/v1/compounds/poipet/victims", monitor);
        assertThat(poipet.get("repatriated").asText()).isEqualTo("<5");
        JsonNode unrepatriated = get("/api/v1/stats/unrepatriated", monitor);
        assertThat(unrepatriated.get("byCompound").get("bavet").asText()).isEqualTo("<5");
        assertThat(unrepatriated.get("byNationality").get("CN").asText()).isEqualTo("<5");
        assertThat(unrepatriated.get("byDaysWaiting").get("90+").asInt()).isZero();
    }

    @Test
    void noCombinationOfTheMonitorsAnswersGivesASmallCountAway() {
        Map<String, Object> readings = readings(monitor);
        Map<String, Object> exact = readings(coordinator);
        Attacker attacker = NoDisclosureTest.attackerOf(readings, Scenario.TODAY, 5);
        int checked = 0;
        for (Map.Entry<String, Object> r : readings.entrySet()) {
            if ("<5".equals(r.getValue()) && ((Integer) exact.get(r.getKey())) > 0) {
                double[] range = attacker.range(r.getKey());
                assertThat(range[1] - range[0]).as("%s narrowed to [%s, %s]", r.getKey(), range[0], range[1]).isGreaterThanOrEqualTo(1 - 1e-6);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    /** Every count of every answer, by cell; a count shown in several answers must read the same in each. */
    private Map<String, Object> readings(String token) {
        Map<String, Object> readings = new TreeMap<>();
        for (JsonNode c : get("/api/v1/compounds", token).get("compounds")) {
            String id = c.get("compoundId").asText();
            put(readings, "T|" + id, c.get("total"));
            put(readings, "U|" + id, c.get("unrepatriated"));
            put(readings, "R|" + id, c.get("repatriated"));
            put(readings, "X|" + id, c.get("detained"));
            JsonNode victims = get("/api/v1/compounds/" + id + "/victims", token);
            put(readings, "T|" + id, victims.get("total"));
            put(readings, "U|" + id, victims.get("unrepatriated"));
            put(readings, "R|" + id, victims.get("repatriated"));
            put(readings, "X|" + id, victims.get("detained"));
        }
        JsonNode unrepatriated = get("/api/v1/stats/unrepatriated", token);
        put(readings, "U", unrepatriated.get("total"));
        unrepatriated.get("byNationality").fields().forEachRemaining(e -> put(readings, "UN|" + e.getKey(), e.getValue()));
        unrepatriated.get("byCompound").fields().forEachRemaining(e -> put(readings, "U|" + e.getKey(), e.getValue()));
        unrepatriated.get("byDaysWaiting").fields().forEachRemaining(e -> put(readings, "UB|" + e.getKey(), e.getValue()));
        JsonNode timeline = get("/api/v1/stats/timeline?from=" + Scenario.day(365) + "&to=" + Scenario.TODAY, token);
        for (JsonNode d : timeline.get("days")) {
            String day = d.get("day").asText();
            put(readings, "E|" + day, d.get("escapes"));
            put(readings, "P|" + day, d.get("repatriations"));
            put(readings, "A|" + day, d.get("arrests"));
        }
        return readings;
    }

    private static void put(Map<String, Object> readings, String id, JsonNode value) {
        Object reading = value.isInt() ? (Object) value.asInt() : value.asText();
        Object before = readings.put(id, reading);
        assertThat(before == null || before.equals(reading)).as("%s reads %s in one answer and %s in another", id, before, reading).isTrue();
    }

    @Test
    void anEmbassySeesOnlyItsOwnNationals() {
        JsonNode gwp = get("/api/v1/compounds/gwp/victims", embassyTh);
        assertThat(gwp.get("total").asInt()).isEqualTo(32);
        assertThat(gwp.has("byNationality")).isFalse();
        assertThat(get("/api/v1/compounds/poipet/victims", embassyTh).get("total").asInt()).isZero();
        JsonNode vn = get("/api/v1/compounds/poipet/victims", embassyVn);
        assertThat(vn.get("total").asInt()).isEqualTo(8);
        assertThat(vn.get("unrepatriated").asInt()).isEqualTo(6);
        assertThat(vn.get("repatriated").asText()).isEqualTo("<5");
        JsonNode unrepatriated = get("/api/v1/stats/unrepatriated", embassyVn);
        assertThat(Expected.map(unrepatriated.get("byNationality")).keySet()).containsOnly("VN");
        JsonNode timeline = get("/api/v1/stats/timeline?from=" + Scenario.day(120) + "&to=" + Scenario.TODAY, embassyTh);
        Map<String, JsonNode> byDay = new HashMap<>();
        timeline.get("days").forEach(d -> byDay.put(d.get("day").asText(), d));
        assertThat(byDay.get(Scenario.day(100).toString()).get("escapes").asInt()).isEqualTo(32);
        assertThat(byDay.get(Scenario.day(10).toString()).get("escapes").asInt()).isZero();
    }

    @Test
    void requestsWithoutATokenAreRefusedAndAdminsMayNotReadViews() {
        Http.Response anonymous = Http.get(server.url(), "/api/v1/stats/unrepatriated", null);
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Response admin = Http.get(server.url(), "/api/v1/stats/unrepatriated", keys.adminToken());
        assertThat(admin.status()).isEqualTo(403);
        Http.Response internal = Http.get(server.url(), "/internal/views/g1/compounds?partitions=0", monitor);
        assertThat(internal.status()).as("a monitor may not read exact partitions without the instances' secret").isEqualTo(403);
    }

    @Test
    void anUnknownCompoundIsNotFound() {
        Http.Response r = Http.get(server.url(), "/api/v1/compounds/no-such-compound/victims", coordinator);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        // the first computes the monitors' plan off the event loop, the second finds it shared and answers at once
        for (int i = 0; i < 2; i++) {
            Http.Response suppressed = Http.get(server.url(), "/api/v1/compounds/no-such-compound/victims", monitor);
            assertThat(suppressed.status()).isEqualTo(404);
            assertThat(suppressed.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void badTimelineRangesAreRefusedWithProblemJson() {
        for (String query : List.of("from=2026-01-31&to=2026-01-01", "from=2025-01-01&to=2026-01-31", "from=2026-13-01&to=2026-01-31",
                "to=2026-01-31", "from=yesterday&to=today")) {
            Http.Response r = Http.get(server.url(), "/api/v1/stats/timeline?" + query, coordinator);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
            assertThat(r.body().get("errors")).as(query).isNotEmpty();
        }
        assertThat(Http.get(server.url(), "/api/v1/stats/timeline?from=2025-02-01&to=2026-01-31", coordinator).status())
                .as("366 days are allowed").isEqualTo(200);
    }
}
