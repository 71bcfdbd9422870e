package org.casetrack.views.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casetrack.devstack.ApiClient;

/** Reports a coordinator's tool sends intake, for the dashboard's end-to-end tests. */
final class FieldReports {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Phnom_Penh"));

    private final ApiClient api;
    private final String coordinator;

    FieldReports(ApiClient api, String coordinator) {
        this.api = api;
        this.coordinator = coordinator;
    }

    String compound(String name, String province, String locality, int discoveredDaysAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("country", "KH");
        body.put("province", province);
        body.put("locality", locality);
        body.put("discoveredOn", TODAY.minusDays(discoveredDaysAgo).toString());
        body.put("source", "public reporting");
        body.put("reliability", "B2");
        return created("/api/v1/compounds", body).json().get("compoundId").asText();
    }

    void headcount(String compoundId, int min, int max) {
        created("/api/v1/compounds/" + compoundId + "/headcounts", Map.of("reportedOn", TODAY.minusDays(5).toString(), "min", min,
                "max", max, "nationalities", List.of("TH", "VN"), "source", "released workers' account", "reliability", "C3"));
    }

    void escape(String compoundId, String nationality, int persons, int daysAgo) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            list.add(person(nationality));
        }
        escape(compoundId, list, daysAgo);
    }

    void escape(String compoundId, List<Map<String, Object>> persons, int daysAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("compoundId", compoundId);
        body.put("occurredOn", TODAY.minusDays(daysAgo).toString());
        body.put("circumstance", "ESCAPED");
        body.put("persons", persons);
        created("/api/v1/escapes", body);
    }

    static Map<String, Object> person(String nationality) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nationality", nationality);
        person.put("gender", "MALE");
        person.put("ageBand", "25-34");
        return person;
    }

    private ApiClient.Reply created(String path, Object body) {
        ApiClient.Reply reply = api.post(path, coordinator, UUID.randomUUID().toString(), body);
        if (reply.status() != 201) {
            throw new IllegalStateException(path + " answered " + reply.status() + ": " + reply.text());
        }
        return reply;
    }
}
