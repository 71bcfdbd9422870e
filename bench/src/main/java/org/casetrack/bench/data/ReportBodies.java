package org.casetrack.bench.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.casetrack.avro.AgeBand;

/**
 * Request bodies as a coordinator's tool sends them (API.md): compound discoveries and escape
 * reports with invented personal data, so intake's whole write path runs (validation, a data key
 * per case, encryption). A pool of bodies is built up front and cycled, so the load generator
 * spends its share of the two cores on sending, not on JSON.
 */
public final class ReportBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COUNTRIES = {"KH", "KH", "KH", "MM", "MM", "LA"};
    private static final String[] PROVINCES = {"Preah Sihanouk", "Banteay Meanchey", "Svay Rieng", "Koh Kong", "Kampot", "Phnom Penh"};

    private final FieldModel model;
    private final List<String> compoundIds;
    private final LocalDate today;

    public ReportBodies(FieldModel model, List<String> compoundIds, LocalDate today) {
        this.model = model;
        this.compoundIds = List.copyOf(compoundIds);
        this.today = today;
    }

    /** A compound discovery; names are invented and marked as such. */
    public static byte[] compound(int index, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", String.format("Bench compound %03d (invented)", index));
        body.put("country", COUNTRIES[index % COUNTRIES.length]);
        body.put("province", PROVINCES[index % PROVINCES.length]);
        body.put("discoveredOn", today.minusDays(200 + index % 100).toString());
        body.put("source", "bench generator");
        body.put("reliability", "C3");
        return write(body);
    }

    /** {@code count} escape reports of {@code persons} persons each (0: a Zipf group size per report). */
    public List<byte[]> escapes(int count, int persons, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(escape(compoundIds.get(model.compound(random) % compoundIds.size()), persons > 0 ? persons : model.groupSize(random),
                    random, i));
        }
        return bodies;
    }

    /** One report of {@code persons} persons from the given compound. */
    public byte[] escape(String compoundId, int persons, SplittableRandom random, int serial) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("compoundId", compoundId);
        // some reports come weeks late; the rest within the week
        int daysAgo = random.nextDouble() < 0.08 ? 30 + random.nextInt(120) : 1 + random.nextInt(7);
        body.put("occurredOn", today.minusDays(daysAgo).toString());
        body.put("circumstance", model.circumstance(random).name());
        List<Map<String, Object>> list = new ArrayList<>(persons);
        for (int p = 0; p < persons; p++) {
            Map<String, Object> person = new LinkedHashMap<>();
            AgeBand band = model.ageBand(random);
            person.put("nationality", model.nationality(random));
            person.put("gender", model.gender(random).name());
            person.put("ageBand", FieldModel.apiAgeBand(band));
            person.put("minor", FieldModel.isMinor(band));
            person.put("intendsToReturn", random.nextDouble() >= 0.07);
            person.put("personalData", Map.of(
                    "fullName", "Invented Person " + serial + "-" + p,
                    "currentLocation", "Phnom Penh, invented address " + random.nextInt(1000),
                    "languages", List.of("en")));
            list.add(person);
        }
        body.put("persons", list);
        return write(body);
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a request body", e);
        }
    }
}
