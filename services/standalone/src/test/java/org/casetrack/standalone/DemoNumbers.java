package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.devstack.ApiClient;

/**
 * The numbers of the demo scenario as services/standalone/README.md states them, checked over HTTP
 * (coordinator: exact counts), in /prometheus, and the absence of its personal data from output.
 */
final class DemoNumbers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every invented identity and location of the demo is marked so; none may reach a log or a metric. */
    private static final List<String> PERSONAL = List.of("(invented)", "(invented address)", "Anan K.", "Nguyen Van A", "Somchai A.");

    private DemoNumbers() {
    }

    static void assertServedBy(ApiClient api, String coordinator) {
        Map<String, JsonNode> byName = new HashMap<>();
        api.get("/api/v1/compounds", coordinator).json().path("compounds").forEach(c -> byName.put(c.path("name").asText(), c));
        assertThat(byName).containsKeys("Great Wall Park", "Bavet compound", "Poipet compound", "New compound about 50 km from Poipet");

        JsonNode greatWall = victims(api, coordinator, byName.get("Great Wall Park"));
        assertThat(greatWall.path("total").asInt()).isEqualTo(32);
        assertThat(greatWall.path("repatriated").asInt()).isEqualTo(32);
        assertThat(greatWall.path("unrepatriated").asInt()).isEqualTo(0);
        assertThat(greatWall.path("detained").asInt()).isEqualTo(6);
        assertThat(greatWall.path("byNationality").toString()).isEqualTo("{\"TH\":32}");

        JsonNode bavet = victims(api, coordinator, byName.get("Bavet compound"));
        assertThat(bavet.path("total").asInt()).isEqualTo(12);
        assertThat(bavet.path("unrepatriated").asInt()).isEqualTo(12);
        assertThat(bavet.path("byNationality").toString()).isEqualTo("{\"CN\":2,\"ID\":3,\"LA\":1,\"MM\":2,\"VN\":4}");
        assertThat(bavet.path("estimated").path("min").asInt()).isEqualTo(150);
        assertThat(bavet.path("estimated").path("max").asInt()).isEqualTo(250);

        JsonNode poipet = byName.get("Poipet compound");
        assertThat(victims(api, coordinator, poipet).path("unrepatriated").asInt()).isEqualTo(1);
        assertThat(poipet.path("status").asText()).isEqualTo("RAIDED");
        assertThat(victims(api, coordinator, byName.get("New compound about 50 km from Poipet")).path("total").asInt()).isZero();

        JsonNode waiting = api.get("/api/v1/stats/unrepatriated", coordinator).json();
        assertThat(waiting.path("total").asInt()).isEqualTo(13);
        assertThat(waiting.path("byNationality").toString()).isEqualTo("{\"CN\":2,\"ID\":3,\"LA\":1,\"MM\":2,\"TH\":1,\"VN\":4}");

        JsonNode cases = api.get("/api/v1/cases?size=1", coordinator).json();
        assertThat(cases.path("total").asInt()).as("case files projected").isEqualTo(45);
    }

    private static JsonNode victims(ApiClient api, String coordinator, JsonNode compound) {
        ApiClient.Reply reply = api.get("/api/v1/compounds/" + compound.path("compoundId").asText() + "/victims", coordinator);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    /** Events by type count the log itself: a second load of the demo would show here as more events. */
    static void assertMetrics(ApiClient.Reply scrape) {
        assertThat(scrape.status()).isEqualTo(200);
        String text = scrape.text();
        assertThat(text).contains(
                "casetrack_events_total{aggregate=\"case\",type=\"EscapeReported\"} 45.0",
                "casetrack_events_total{aggregate=\"case\",type=\"RepatriationCompleted\"} 32.0",
                "casetrack_events_total{aggregate=\"case\",type=\"ArrestReported\"} 6.0",
                "casetrack_events_total{aggregate=\"case\",type=\"ConsentRecorded\"} 1.0",
                "casetrack_events_total{aggregate=\"compound\",type=\"CompoundDiscovered\"} 4.0",
                "casetrack_events_total{aggregate=\"compound\",type=\"HeadcountReported\"} 1.0",
                "casetrack_dlq_records{topic=\"case-events-dlq\"} 0.0",
                "casetrack_consumer_lag_records{group=\"ledger\",topic=\"case-commands\"}",
                "casetrack_view_lag_records{group=\"views-g1\"}",
                "casetrack_projector_lag_records 0.0",
                "casetrack_feed_deliveries_total{channel=\"webhook\"}",
                "casetrack_feed_delivery_failures_total{channel=\"webhook\"} 0.0",
                "jvm_memory_used_bytes");
    }

    /** No case id of the demo and none of its personal data in the metrics. */
    static void assertNoCaseIdOrPersonalData(String scrape, ApiClient api, String coordinator) {
        JsonNode cases = api.get("/api/v1/cases?size=100", coordinator).json().path("cases");
        assertThat(cases.size()).isEqualTo(45);
        cases.forEach(c -> assertThat(scrape).doesNotContain(c.path("caseId").asText()));
        assertNoPersonalData(scrape);
    }

    static void assertNoPersonalData(String text) {
        for (String personal : PERSONAL) {
            assertThat(text).as("output must not hold the demo's personal data").doesNotContain(personal);
        }
    }

    /** With CASETRACK_LOG_FORMAT=json every log line is one JSON object (the ready line is printed, not logged). */
    static void assertJsonLogLines(String output) throws Exception {
        List<String> logLines = output.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(logLines).hasSizeGreaterThan(5);
        for (String line : logLines) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.has("level") && node.has("formattedMessage")).as(line).isTrue();
        }
        assertThat(output.lines().filter(l -> l.matches("^\\d{4}-\\d{2}-\\d{2}T.*(INFO|WARN|ERROR) .*"))).isEmpty();
    }
}
