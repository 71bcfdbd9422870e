package org.casetrack.views.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casetrack.views.domain.DaysWaiting;
import org.casetrack.views.domain.PublishedCounts;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.domain.Snapshots.Estimate;
import org.casetrack.views.domain.Snapshots.RegistryEntry;

/**
 * Everything the dashboard shows, for one audience, as one JSON object: the compound registry with
 * its counts and estimates, unrepatriated by nationality and by days waiting, and the timeline of
 * the last days. Every count reads through one {@link PublishedCounts} plan over all compounds and
 * the whole timeline, the plan the views API uses for the same caller, so the dashboard and the API
 * read each cell the same way ("&lt;5", "suppressed" or the number). Only counts, dates and compound
 * registry entries go in; compound coordinates stay out (the page draws no map).
 */
final class SnapshotBody {
    private SnapshotBody() {
    }

    static Map<String, Object> build(Audience audience, List<CompoundSnapshot> compounds, List<DaySnapshot> allDays, LocalDate today,
                                     int timelineDays, int threshold) {
        PublishedCounts counts = audience.exact() ? PublishedCounts.exact(compounds, allDays, today, null)
                : PublishedCounts.suppressed(compounds, allDays, today, audience.nationality(), threshold);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", today.toString());
        body.put("audience", audienceOf(audience, threshold));
        body.put("compounds", compounds(compounds, counts));
        body.put("unrepatriated", unrepatriated(counts));
        body.put("timeline", timeline(allDays, counts, today.minusDays(timelineDays - 1L), today));
        return body;
    }

    private static Map<String, Object> audienceOf(Audience audience, int threshold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", audience.role());
        body.put("nationality", audience.nationality());
        body.put("suppressed", !audience.exact());
        body.put("threshold", threshold);
        return body;
    }

    private static List<Map<String, Object>> compounds(List<CompoundSnapshot> compounds, PublishedCounts counts) {
        List<Map<String, Object>> list = new ArrayList<>();
        compounds.stream().sorted(Comparator.comparing(CompoundSnapshot::compoundId)).forEach(c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("compoundId", c.compoundId());
            RegistryEntry r = c.registry();
            body.put("registered", r != null);
            if (r != null) {
                body.put("name", r.name());
                body.put("country", r.country());
                body.put("province", r.province());
                body.put("locality", r.locality());
                body.put("status", r.status());
                body.put("discoveredOn", r.discoveredOn().toString());
                body.put("reliability", r.reliability());
                body.put("operatorArrests", r.operatorArrests());
            }
            String id = c.compoundId();
            body.put("total", counts.read(PublishedCounts.total(id)));
            body.put("unrepatriated", counts.read(PublishedCounts.unrepatriated(id)));
            body.put("repatriated", counts.read(PublishedCounts.repatriated(id)));
            body.put("detained", counts.read(PublishedCounts.detained(id)));
            body.put("estimated", r == null || r.estimate() == null ? null : estimate(r.estimate()));
            list.add(body);
        });
        return list;
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> estimate = new LinkedHashMap<>();
        estimate.put("min", e.min());
        estimate.put("max", e.max());
        estimate.put("reportedOn", e.reportedOn().toString());
        return estimate;
    }

    private static Map<String, Object> unrepatriated(PublishedCounts counts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", counts.read(PublishedCounts.unrepatriatedTotal()));
        Map<String, Object> byNationality = new TreeMap<>();
        counts.nationalities().forEach(n -> byNationality.put(n, counts.read(PublishedCounts.unrepatriatedOf(n))));
        body.put("byNationality", byNationality);
        Map<String, Object> byDaysWaiting = new LinkedHashMap<>();
        for (String b : DaysWaiting.BUCKETS) {
            byDaysWaiting.put(b, counts.read(PublishedCounts.waiting(b)));
        }
        body.put("byDaysWaiting", byDaysWaiting);
        return body;
    }

    private static Map<String, Object> timeline(List<DaySnapshot> allDays, PublishedCounts counts, LocalDate from, LocalDate to) {
        List<Map<String, Object>> days = new ArrayList<>();
        allDays.stream().filter(d -> d.day().compareTo(from.toString()) >= 0 && d.day().compareTo(to.toString()) <= 0)
                .sorted(Comparator.comparing(DaySnapshot::day)).forEach(d -> {
                    Map<String, Object> day = new LinkedHashMap<>();
                    day.put("day", d.day());
                    day.put("escapes", counts.read(PublishedCounts.escapes(d.day())));
                    day.put("repatriations", counts.read(PublishedCounts.repatriations(d.day())));
                    day.put("arrests", counts.read(PublishedCounts.arrests(d.day())));
                    day.put("discoveries", d.discoveries());
                    day.put("operatorArrests", d.operatorArrests());
                    days.add(day);
                });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("days", days);
        return body;
    }
}
