package org.casetrack.views.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casetrack.views.domain.CompoundTally;
import org.casetrack.views.domain.DaysWaiting;
import org.casetrack.views.domain.PublishedCounts;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.domain.Snapshots.Estimate;
import org.casetrack.views.domain.Snapshots.RegistryEntry;

/**
 * The JSON bodies of the views endpoints. Every count reads through {@link PublishedCounts}: a JSON
 * number when exact, the string "&lt;5" or "suppressed" when suppressed. The dashboard's snapshot is
 * shaped from the same pieces.
 */
public final class ViewResponses {
    private ViewResponses() {
    }

    static Map<String, Object> compounds(List<CompoundSnapshot> compounds, PublishedCounts counts) {
        List<Map<String, Object>> list = new ArrayList<>();
        compounds.stream().sorted(Comparator.comparing(CompoundSnapshot::compoundId)).forEach(c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("compoundId", c.compoundId());
            RegistryEntry r = c.registry();
            body.put("registered", r != null);
            if (r != null) {
                body.put("name", r.name());
                body.put("country", r.country());
                putIfPresent(body, "province", r.province());
                putIfPresent(body, "locality", r.locality());
                putIfPresent(body, "latitude", r.latitude());
                putIfPresent(body, "longitude", r.longitude());
                body.put("discoveredOn", r.discoveredOn().toString());
                body.put("status", r.status());
                putIfPresent(body, "reliability", r.reliability());
                body.put("operatorArrests", r.operatorArrests());
            }
            putCounts(body, c.compoundId(), counts);
            putIfPresent(body, "estimated", estimate(r));
            list.add(body);
        });
        return Map.of("compounds", list);
    }

    static Map<String, Object> victims(CompoundSnapshot c, PublishedCounts counts, boolean withNationalities) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("compoundId", c.compoundId());
        putCounts(body, c.compoundId(), counts);
        return victims(body, c, withNationalities);
    }

    /**
     * A coordinator's answer: the compound's exact counts, read straight from its totals (what
     * {@code PublishedCounts.exact} over this one compound reads, without building the relations
     * between counts that only suppression needs).
     */
    static Map<String, Object> exactVictims(CompoundSnapshot c) {
        CompoundTally.Totals t = c.totals(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("compoundId", c.compoundId());
        putCounts(body, t.total(), t.unrepatriated(), t.repatriated(), t.detained());
        return victims(body, c, true);
    }

    private static Map<String, Object> victims(Map<String, Object> body, CompoundSnapshot c, boolean withNationalities) {
        if (withNationalities) {
            Map<String, Object> byNationality = new TreeMap<>();
            c.byNationality().forEach((n, t) -> {
                if (t.total() > 0) {
                    byNationality.put(n, t.total());
                }
            });
            body.put("byNationality", byNationality);
        }
        putIfPresent(body, "estimated", estimate(c.registry()));
        return body;
    }

    static Map<String, Object> unrepatriated(List<CompoundSnapshot> compounds, PublishedCounts counts, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", today.toString());
        body.put("total", counts.read(PublishedCounts.unrepatriatedTotal()));
        body.put("byNationality", unrepatriatedByNationality(counts));
        Map<String, Object> byCompound = new TreeMap<>();
        compounds.forEach(c -> byCompound.put(c.compoundId(), counts.read(PublishedCounts.unrepatriated(c.compoundId()))));
        body.put("byCompound", byCompound);
        body.put("byDaysWaiting", unrepatriatedByDaysWaiting(counts));
        return body;
    }

    /** Unrepatriated cases by nationality, only nationalities that have any. */
    public static Map<String, Object> unrepatriatedByNationality(PublishedCounts counts) {
        Map<String, Object> byNationality = new TreeMap<>();
        counts.nationalities().forEach(n -> byNationality.put(n, counts.read(PublishedCounts.unrepatriatedOf(n))));
        return byNationality;
    }

    /** Unrepatriated cases by days since their escape, every bucket present. */
    public static Map<String, Object> unrepatriatedByDaysWaiting(PublishedCounts counts) {
        Map<String, Object> byDaysWaiting = new LinkedHashMap<>();
        for (String b : DaysWaiting.BUCKETS) {
            byDaysWaiting.put(b, counts.read(PublishedCounts.waiting(b)));
        }
        return byDaysWaiting;
    }

    /** The days from {@code from} to {@code to} (yyyy-MM-dd, inclusive) of {@code days}, which come sorted by day. */
    public static Map<String, Object> timeline(String from, String to, List<DaySnapshot> days, PublishedCounts counts) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DaySnapshot d : days) {
            if (d.day().compareTo(from) < 0 || d.day().compareTo(to) > 0) {
                continue;
            }
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", d.day());
            day.put("escapes", counts.read(PublishedCounts.escapes(d.day())));
            day.put("repatriations", counts.read(PublishedCounts.repatriations(d.day())));
            day.put("arrests", counts.read(PublishedCounts.arrests(d.day())));
            day.put("discoveries", d.discoveries());
            day.put("operatorArrests", d.operatorArrests());
            list.add(day);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("days", list);
        return body;
    }

    /** A compound's total, unrepatriated, repatriated and detained counts. */
    public static void putCounts(Map<String, Object> body, String compoundId, PublishedCounts counts) {
        putCounts(body, counts.read(PublishedCounts.total(compoundId)), counts.read(PublishedCounts.unrepatriated(compoundId)),
                counts.read(PublishedCounts.repatriated(compoundId)), counts.read(PublishedCounts.detained(compoundId)));
    }

    private static void putCounts(Map<String, Object> body, Object total, Object unrepatriated, Object repatriated, Object detained) {
        body.put("total", total);
        body.put("unrepatriated", unrepatriated);
        body.put("repatriated", repatriated);
        body.put("detained", detained);
    }

    /** A compound's latest headcount estimate, or null without one. */
    public static Map<String, Object> estimate(RegistryEntry r) {
        if (r == null || r.estimate() == null) {
            return null;
        }
        Estimate e = r.estimate();
        Map<String, Object> estimate = new LinkedHashMap<>();
        estimate.put("min", e.min());
        estimate.put("max", e.max());
        estimate.put("reportedOn", e.reportedOn().toString());
        return estimate;
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
