package org.casetrack.standalone.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample scenario, drawn from public reporting on the Cambodian scam compounds in January 2026
 * (/work/shared/SCENARIO.md): places, dates and orders of magnitude from the reporting; every identity
 * invented and marked "(invented)". Deterministic: the same requests with the same Idempotency-Keys
 * every time, so loading it twice adds nothing. The numbers it yields are in services/standalone/README.md.
 */
final class DemoScenario {
    static final String GREAT_WALL_PARK = "great-wall-park";
    static final String BAVET = "bavet";
    static final String POIPET = "poipet";
    static final String NEAR_POIPET = "near-poipet";

    /** The 32 Thai nationals received at Ban Cham Yeam; the first 6 were subject to arrest warrants. */
    static final int BAN_CHAM_YEAM_GROUP = 32;
    static final int ARRESTED_ON_ARRIVAL = 6;

    private static final String AMNESTY = "Amnesty International, 'I Was Someone Else's Property', June 2025";
    private static final List<String> THAI_NAMES = List.of("Somchai", "Anan", "Prasert", "Wichai", "Somsak", "Kittisak",
            "Narong", "Sombat", "Chaiya", "Surasak", "Thawatchai", "Boonmee", "Apinya", "Siriporn", "Kanya", "Ratana");

    private DemoScenario() {
    }

    record Compound(String slug, Map<String, Object> body) {
    }

    /** Great Wall Park and the compounds of Bavet and Poipet, documented in 2025; the new one near Poipet, 5 January 2026. */
    static List<Compound> compounds() {
        return List.of(
                new Compound(GREAT_WALL_PARK, compound("Great Wall Park", "Preah Sihanouk", "Sihanoukville", 10.63, 103.52,
                        "2025-06-26", AMNESTY, "B2")),
                new Compound(BAVET, compound("Bavet compound", "Svay Rieng", "Bavet", 11.07, 106.14, "2025-06-26", AMNESTY, "B2")),
                new Compound(POIPET, compound("Poipet compound", "Banteay Meanchey", "Poipet", 13.66, 102.56, "2025-06-26", AMNESTY, "B2")),
                new Compound(NEAR_POIPET, compound("New compound about 50 km from Poipet", "Banteay Meanchey", null, null, null,
                        "2026-01-05", "Thailand's online anti-fraud centre (ACSC), 5 January 2026", "B3")));
    }

    /** The police raid in Poipet on 17 January 2026. */
    static Map<String, Object> poipetRaid() {
        return Map.of("status", "RAIDED", "effectiveOn", "2026-01-17", "source", "Survivor's account to Thai media, January 2026");
    }

    /** An estimate for the group released from Bavet: shown beside the confirmed cases, never added to them. */
    static Map<String, Object> bavetHeadcount() {
        return Map.of("reportedOn", "2026-01-14", "min", 150, "max", 250, "nationalities", List.of("VN", "ID", "CN", "MM", "LA"),
                "source", "Released group seen leaving Bavet, January 2026", "reliability", "C3");
    }

    /** 32 Thai nationals who escaped and crossed at Ban Cham Yeam (the reporting names no compound: the demo files them under Great Wall Park). */
    static Map<String, Object> banChamYeamEscape() {
        List<Map<String, Object>> persons = new ArrayList<>();
        for (int i = 0; i < BAN_CHAM_YEAM_GROUP; i++) {
            String name = THAI_NAMES.get(i % THAI_NAMES.size()) + " " + (char) ('A' + i % 26) + ". (invented)";
            persons.add(person("TH", i % 5 == 4 ? "FEMALE" : "MALE", i % 3 == 0 ? "18-24" : "25-34", name,
                    "Ban Cham Yeam checkpoint, Koh Kong (invented)"));
        }
        return escape(GREAT_WALL_PARK, "2026-01-16", "ESCAPED", "IN_TRANSIT", persons);
    }

    /** The Surat Thani survivor: lured with a job in Sa Kaeo, moved from Bavet to Poipet, fled the raid of 17 January into a forest. */
    static Map<String, Object> suratThaniEscape() {
        Map<String, Object> person = person("TH", "MALE", "25-34", "Anan K. (invented)", "Phnom Penh, near the Thai embassy (invented)");
        person.put("personalData", Map.of("fullName", "Anan K. (invented)", "homeLocation", "Surat Thani province (invented address)",
                "currentLocation", "Phnom Penh, near the Thai embassy (invented)"));
        return escape(POIPET, "2026-01-17", "ESCAPED", "HIDING", List.of(person));
    }

    /** Survivors of several nationalities released from Bavet, waiting in Phnom Penh without passports. */
    static Map<String, Object> phnomPenhGroup() {
        List<Map<String, Object>> persons = new ArrayList<>();
        String[][] people = {{"VN", "Nguyen Van A (invented)"}, {"VN", "Tran Thi B (invented)"}, {"VN", "Le Van C (invented)"},
                {"VN", "Pham Thi D (invented)"}, {"ID", "Budi S. (invented)"}, {"ID", "Siti R. (invented)"}, {"ID", "Agus W. (invented)"},
                {"CN", "Wang L. (invented)"}, {"CN", "Zhang M. (invented)"}, {"MM", "Aung K. (invented)"}, {"MM", "Thandar M. (invented)"},
                {"LA", "Souksavanh P. (invented)"}};
        for (int i = 0; i < people.length; i++) {
            persons.add(person(people[i][0], i % 2 == 0 ? "MALE" : "FEMALE", "25-34", people[i][1], "Phnom Penh (invented)"));
        }
        return escape(BAVET, "2026-01-14", "RELEASED", "SHELTER", persons);
    }

    static Map<String, Object> repatriation() {
        return Map.of("repatriatedOn", "2026-01-17", "destinationCountry", "TH", "crossingPoint", "Ban Cham Yeam",
                "mode", "EMBASSY_ORGANISED");
    }

    static Map<String, Object> arrestOnArrival() {
        return Map.of("arrestedOn", "2026-01-17", "country", "TH", "arrestingAuthority", "Khlong Yai district police",
                "detentionType", "CRIMINAL", "relatedToTrafficking", "UNKNOWN", "grounds", "Outstanding warrant (invented)");
    }

    /** The Surat Thani survivor agrees that the Thai embassy receives his identity and contacts to organise his return. */
    static Map<String, Object> consentToThaiEmbassy() {
        return Map.of("recipient", "embassy:TH", "given", true, "purposes", List.of("TRAVEL_DOCUMENT", "REPATRIATION"),
                "dataCategories", List.of("IDENTITY", "CONTACT"), "recordedOn", "2026-01-18");
    }

    private static Map<String, Object> compound(String name, String province, String locality, Double latitude, Double longitude,
                                                String discoveredOn, String source, String reliability) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("country", "KH");
        body.put("province", province);
        if (locality != null) {
            body.put("locality", locality);
            body.put("latitude", latitude);
            body.put("longitude", longitude);
        }
        body.put("discoveredOn", discoveredOn);
        body.put("source", source);
        body.put("reliability", reliability);
        return body;
    }

    private static Map<String, Object> escape(String compoundSlug, String occurredOn, String circumstance, String whereabouts,
                                              List<Map<String, Object>> persons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("compoundId", compoundSlug);   // replaced by the compound's id when sent
        body.put("occurredOn", occurredOn);
        body.put("circumstance", circumstance);
        body.put("whereabouts", whereabouts);
        body.put("persons", persons);
        return body;
    }

    private static Map<String, Object> person(String nationality, String gender, String ageBand, String fullName, String location) {
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("fullName", fullName);
        personal.put("currentLocation", location);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nationality", nationality);
        person.put("gender", gender);
        person.put("ageBand", ageBand);
        person.put("intendsToReturn", true);
        person.put("personalData", personal);
        return person;
    }
}
