package org.casetrack.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as a coordinator's tool would send them. */
final class Reports {
    private Reports() {
    }

    static Map<String, Object> compound(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("country", "KH");
        body.put("province", "Banteay Meanchey");
        body.put("locality", "Poipet");
        body.put("discoveredOn", "2026-01-05");
        body.put("source", "ACSC statement");
        body.put("reliability", "B2");
        return body;
    }

    static Map<String, Object> escape(String compoundId, String nationality, int persons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("compoundId", compoundId);
        body.put("occurredOn", "2026-01-17");
        body.put("circumstance", "ESCAPED");
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            list.add(person(nationality));
        }
        body.put("persons", list);
        return body;
    }

    static Map<String, Object> person(String nationality) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nationality", nationality);
        person.put("gender", "MALE");
        person.put("ageBand", "25-34");
        return person;
    }

    static Map<String, Object> repatriation() {
        return Map.of("repatriatedOn", "2026-01-20", "destinationCountry", "TH", "crossingPoint", "Ban Cham Yeam", "mode", "EMBASSY_ORGANISED");
    }
}
