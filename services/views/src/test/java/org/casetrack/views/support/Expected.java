package org.casetrack.views.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The exact numbers of {@link Scenario}, as a coordinator reads them. */
public final class Expected {
    private Expected() {
    }

    public static void victims(String url, String token) {
        victims(url, token, "gwp", 32, 0, 32, 6, Map.of("TH", 32));
        victims(url, token, "poipet", 17, 14, 2, 0, Map.of("VN", 8, "ID", 5, "CN", 3, "MM", 1));
        victims(url, token, "bavet", 1, 1, 0, 0, Map.of("LA", 1));
        victims(url, token, "kampot", 0, 0, 0, 0, Map.of());
        victims(url, token, "UNKNOWN", 1, 1, 0, 0, Map.of("LA", 1));
        JsonNode gwp = Http.get(url, "/api/v1/compounds/gwp/victims", token).body();
        assertThat(gwp.get("estimated").get("min").asInt()).isEqualTo(150);
        assertThat(gwp.get("estimated").get("max").asInt()).isEqualTo(250);
    }

    public static void victims(String url, String token, String compound, int total, int unrepatriated, int repatriated, int detained,
                               Map<String, Integer> byNationality) {
        Http.Response r = Http.get(url, "/api/v1/compounds/" + compound + "/victims", token);
        assertThat(r.status()).as("victims of %s: %s", compound, r.body()).isEqualTo(200);
        JsonNode body = r.body();
        assertThat(body.get("compoundId").asText()).isEqualTo(compound);
        assertThat(ints(body, "total", "unrepatriated", "repatriated", "detained")).as(compound)
                .containsExactly(total, unrepatriated, repatriated, detained);
        assertThat(map(body.get("byNationality"))).as(compound).isEqualTo(byNationality);
    }

    public static void unrepatriated(String url, String token) {
        Http.Response r = Http.get(url, "/api/v1/stats/unrepatriated", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("total").asInt()).isEqualTo(16);
        assertThat(map(r.body().get("byNationality"))).isEqualTo(Map.of("VN", 6, "ID", 5, "CN", 3, "LA", 2));
        assertThat(map(r.body().get("byCompound"))).isEqualTo(Map.of("gwp", 0, "poipet", 14, "bavet", 1, "kampot", 0, "UNKNOWN", 1));
        assertThat(map(r.body().get("byDaysWaiting"))).isEqualTo(Map.of("0-7", 7, "8-30", 6, "31-90", 3, "90+", 0));
    }

    public static void compounds(String url, String token) {
        Http.Response r = Http.get(url, "/api/v1/compounds", token);
        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        r.body().get("compounds").forEach(c -> byId.put(c.get("compoundId").asText(), c));
        assertThat(byId).containsOnlyKeys("gwp", "poipet", "bavet", "kampot", "UNKNOWN");
        assertThat(byId.get("kampot").get("registered").asBoolean()).isTrue();
        assertThat(byId.get("kampot").get("total").asInt()).isZero();
        assertThat(byId.get("poipet").get("operatorArrests").asInt()).isEqualTo(1);
        assertThat(byId.get("poipet").get("name").asText()).isEqualTo("Compound near Poipet");
        assertThat(byId.get("poipet").get("unrepatriated").asInt()).isEqualTo(14);
        assertThat(byId.get("UNKNOWN").get("registered").asBoolean()).isFalse();
        assertThat(byId.get("gwp").get("detained").asInt()).isEqualTo(6);
    }

    public static void timeline(String url, String token) {
        String from = Scenario.day(200).toString(), to = Scenario.TODAY.toString();
        Http.Response r = Http.get(url, "/api/v1/stats/timeline?from=" + from + "&to=" + to, token);
        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> byDay = new HashMap<>();
        r.body().get("days").forEach(d -> byDay.put(d.get("day").asText(), d));
        assertThat(ints(byDay.get(Scenario.day(100).toString()), "escapes", "repatriations", "arrests")).containsExactly(32, 0, 0);
        assertThat(ints(byDay.get(Scenario.day(99).toString()), "escapes", "repatriations", "arrests")).containsExactly(0, 32, 6);
        assertThat(ints(byDay.get(Scenario.day(10).toString()), "escapes", "repatriations", "arrests")).containsExactly(9, 0, 0);
        assertThat(ints(byDay.get(Scenario.day(8).toString()), "escapes", "repatriations", "arrests")).containsExactly(0, 0, 1);
        assertThat(ints(byDay.get(Scenario.day(5).toString()), "escapes", "repatriations", "arrests")).containsExactly(0, 2, 0);
        assertThat(byDay.get(Scenario.day(120).toString()).get("discoveries").asInt()).isEqualTo(2);
        assertThat(byDay.get(Scenario.day(20).toString()).get("operatorArrests").asInt()).isEqualTo(1);
    }

    public static void all(String url, String token) {
        victims(url, token);
        unrepatriated(url, token);
        compounds(url, token);
        timeline(url, token);
    }

    private static int[] ints(JsonNode node, String... fields) {
        assertThat(node).isNotNull();
        int[] values = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            assertThat(node.get(fields[i]).isInt()).as("%s is an exact number: %s", fields[i], node).isTrue();
            values[i] = node.get(fields[i]).asInt();
        }
        return values;
    }

    public static Map<String, Integer> map(JsonNode node) {
        Map<String, Integer> map = new HashMap<>();
        if (node != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            fields.forEachRemaining(e -> map.put(e.getKey(), e.getValue().asInt()));
        }
        return map;
    }
}
