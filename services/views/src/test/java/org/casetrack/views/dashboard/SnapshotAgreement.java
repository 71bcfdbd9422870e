package org.casetrack.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.views.support.Http;

/**
 * A dashboard snapshot read against the views API for the same token: every number and registry
 * field the page shows must be what the API answers that caller, "&lt;5" and "suppressed" included.
 */
final class SnapshotAgreement {
    private static final List<String> COMPOUND_FIELDS = List.of("registered", "name", "country", "province", "locality", "status",
            "discoveredOn", "reliability", "operatorArrests", "total", "unrepatriated", "repatriated", "detained", "estimated");

    private SnapshotAgreement() {
    }

    static void assertSameAsApi(String url, String token, JsonNode snapshot) {
        Map<String, JsonNode> api = byId(get(url, "/api/v1/compounds", token).get("compounds"));
        Map<String, JsonNode> shown = byId(snapshot.get("compounds"));
        assertThat(shown.keySet()).isEqualTo(api.keySet());
        shown.forEach((id, c) -> {
            for (String field : COMPOUND_FIELDS) {
                JsonNode expected = api.get(id).get(field);
                JsonNode actual = c.get(field);
                if (expected == null) {
                    assertThat(actual == null || actual.isNull()).as("%s of %s", field, id).isTrue();
                } else {
                    assertThat(actual).as("%s of %s", field, id).isEqualTo(expected);
                }
            }
        });
        JsonNode unrepatriated = get(url, "/api/v1/stats/unrepatriated", token);
        assertThat(snapshot.at("/unrepatriated/total")).isEqualTo(unrepatriated.get("total"));
        assertThat(snapshot.at("/unrepatriated/byNationality")).isEqualTo(unrepatriated.get("byNationality"));
        assertThat(snapshot.at("/unrepatriated/byDaysWaiting")).isEqualTo(unrepatriated.get("byDaysWaiting"));
        String range = "?from=" + snapshot.at("/timeline/from").asText() + "&to=" + snapshot.at("/timeline/to").asText();
        assertThat(snapshot.at("/timeline/days")).isEqualTo(get(url, "/api/v1/stats/timeline" + range, token).get("days"));
    }

    static JsonNode compound(JsonNode snapshot, String compoundId) {
        JsonNode c = byId(snapshot.get("compounds")).get(compoundId);
        assertThat(c).as("compound %s in the snapshot", compoundId).isNotNull();
        return c;
    }

    private static JsonNode get(String url, String path, String token) {
        Http.Response r = Http.get(url, path, token);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(200);
        return r.body();
    }

    private static Map<String, JsonNode> byId(JsonNode compounds) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        compounds.forEach(c -> byId.put(c.get("compoundId").asText(), c));
        return byId;
    }
}
