package org.casetrack.views.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.views.api.ViewResponses;
import org.casetrack.views.domain.PublishedCounts;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
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
            ViewResponses.putCounts(body, c.compoundId(), counts);
            body.put("estimated", ViewResponses.estimate(r));
            list.add(body);
        });
        return list;
    }

    private static Map<String, Object> unrepatriated(PublishedCounts counts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", counts.read(PublishedCounts.unrepatriatedTotal()));
        body.put("byNationality", ViewResponses.unrepatriatedByNationality(counts));
        body.put("byDaysWaiting", ViewResponses.unrepatriatedByDaysWaiting(counts));
        return body;
    }

    private static Map<String, Object> timeline(List<DaySnapshot> allDays, PublishedCounts counts, LocalDate from, LocalDate to) {
        List<DaySnapshot> days = allDays.stream().sorted(Comparator.comparing(DaySnapshot::day)).toList();
        return ViewResponses.timeline(from.toString(), to.toString(), days, counts);
    }
}
