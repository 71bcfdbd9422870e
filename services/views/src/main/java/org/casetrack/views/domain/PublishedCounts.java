package org.casetrack.views.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.domain.Snapshots.DayTally;

/**
 * Every count the views publish, computed over the cases of one scope (all nationalities, or one
 * embassy's nationals), with the relations between them, and how each reads: exact for
 * coordinators, through one suppression plan for monitors and embassies.
 */
public final class PublishedCounts {
    public static final String SUPPRESSED = "suppressed";

    private final Map<String, Integer> values = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final List<Suppression.Table> tables = new ArrayList<>();
    private final List<Suppression.Balance> balances = new ArrayList<>();
    private final List<Suppression.AtMost> atMost = new ArrayList<>();
    private final Set<String> nationalities = new TreeSet<>();
    private final int threshold;
    private Map<String, Suppression.Mark> marks;

    private PublishedCounts(List<CompoundSnapshot> compounds, List<DaySnapshot> days, LocalDate today, String only, int threshold) {
        this.threshold = threshold;
        List<String> totals = new ArrayList<>(), unrepatriated = new ArrayList<>(), repatriated = new ArrayList<>();
        Map<String, Integer> byNationality = new HashMap<>(), byEscapeDate = new HashMap<>();
        for (CompoundSnapshot c : compounds) {
            CompoundTally.Totals t = c.totals(only);
            String id = c.compoundId();
            values.put(total(id), t.total());
            values.put(unrepatriated(id), t.unrepatriated());
            values.put(repatriated(id), t.repatriated());
            values.put(detained(id), t.detained());
            atMost.add(new Suppression.AtMost(detained(id), List.of(total(id))));
            // cases neither unrepatriated nor repatriated (closed, or not intending to return): never published
            values.put("O|" + id, t.total() - t.unrepatriated() - t.repatriated());
            hidden.add("O|" + id);
            tables.add(new Suppression.Table(total(id), List.of(unrepatriated(id), repatriated(id), "O|" + id)));
            totals.add(total(id));
            unrepatriated.add(unrepatriated(id));
            repatriated.add(repatriated(id));
            c.byNationality().forEach((n, tally) -> {
                if (only == null || only.equals(n)) {
                    byNationality.merge(n, tally.unrepatriated(), Integer::sum);
                    tally.unrepatriatedByEscapeDate().forEach((d, k) -> byEscapeDate.merge(d, k, Integer::sum));
                }
            });
        }
        values.put(unrepatriatedTotal(), unrepatriated.stream().mapToInt(values::get).sum());
        tables.add(new Suppression.Table(unrepatriatedTotal(), unrepatriated));
        // a nationality without unrepatriated cases is left out: its presence alone would say such cases exist
        byNationality.forEach((n, k) -> {
            if (k > 0) {
                nationalities.add(n);
                values.put(unrepatriatedOf(n), k);
            }
        });
        tables.add(new Suppression.Table(unrepatriatedTotal(), nationalities.stream().map(PublishedCounts::unrepatriatedOf).toList()));
        DaysWaiting.buckets(byEscapeDate, today).forEach((b, k) -> values.put(waiting(b), k));
        tables.add(new Suppression.Table(unrepatriatedTotal(), List.of(DaysWaiting.BUCKETS).stream().map(PublishedCounts::waiting).toList()));
        List<String> escapes = new ArrayList<>(), repatriations = new ArrayList<>();
        for (DaySnapshot d : days) {
            DayTally t = d.cases(only);
            values.put(escapes(d.day()), t.escapes());
            values.put(repatriations(d.day()), t.repatriations());
            values.put(arrests(d.day()), t.arrests());
            escapes.add(escapes(d.day()));
            repatriations.add(repatriations(d.day()));
        }
        Map<String, List<String>> escapesByBucket = new HashMap<>();
        for (DaySnapshot d : days) {
            escapesByBucket.computeIfAbsent(DaysWaiting.bucket(java.time.LocalDate.parse(d.day()), today), b -> new ArrayList<>())
                    .add(escapes(d.day()));
        }
        for (String b : DaysWaiting.BUCKETS) {
            atMost.add(new Suppression.AtMost(waiting(b), escapesByBucket.getOrDefault(b, List.of())));
        }
        // every case escaped on one day, every repatriation happened on one day
        balances.add(new Suppression.Balance(totals, escapes));
        balances.add(new Suppression.Balance(repatriated, repatriations));
    }

    /** Exact counts (coordinators). */
    public static PublishedCounts exact(List<CompoundSnapshot> compounds, List<DaySnapshot> days, LocalDate today, String only) {
        return new PublishedCounts(compounds, days, today, only, 0);
    }

    /** Suppressed counts (monitors, embassies): the days must be the whole timeline, not just a range, so every answer agrees. */
    public static PublishedCounts suppressed(List<CompoundSnapshot> compounds, List<DaySnapshot> allDays, LocalDate today, String only,
                                             int threshold) {
        PublishedCounts counts = new PublishedCounts(compounds, allDays, today, only, threshold);
        counts.marks = Suppression.plan(counts.values, counts.hidden, counts.tables, counts.balances, counts.atMost, threshold);
        return counts;
    }

    /** A count as it reads: an Integer, "&lt;threshold" or "suppressed". Absent counts are 0. */
    public Object read(String id) {
        int value = values.getOrDefault(id, 0);
        Suppression.Mark mark = marks == null ? Suppression.Mark.EXACT : marks.getOrDefault(id, Suppression.Mark.EXACT);
        return switch (mark) {
            case EXACT -> value;
            case SMALL -> "<" + threshold;
            case COMPLEMENT -> SUPPRESSED;
        };
    }

    public boolean isSuppressed() {
        return marks != null;
    }

    public Set<String> nationalities() {
        return nationalities;
    }

    /** Every published count's id and true value, for audits in tests. */
    public Map<String, Integer> values() {
        Map<String, Integer> published = new HashMap<>(values);
        hidden.forEach(published::remove);
        return published;
    }

    public List<Suppression.Table> tables() {
        return tables;
    }

    public List<Suppression.Balance> balances() {
        return balances;
    }

    public List<Suppression.AtMost> atMost() {
        return atMost;
    }

    public Set<String> hidden() {
        return hidden;
    }

    public static String total(String compoundId) {
        return "T|" + compoundId;
    }

    public static String unrepatriated(String compoundId) {
        return "U|" + compoundId;
    }

    public static String repatriated(String compoundId) {
        return "R|" + compoundId;
    }

    public static String detained(String compoundId) {
        return "X|" + compoundId;
    }

    public static String unrepatriatedTotal() {
        return "U";
    }

    public static String unrepatriatedOf(String nationality) {
        return "UN|" + nationality;
    }

    public static String waiting(String bucket) {
        return "UB|" + bucket;
    }

    public static String escapes(String day) {
        return "E|" + day;
    }

    public static String repatriations(String day) {
        return "P|" + day;
    }

    public static String arrests(String day) {
        return "A|" + day;
    }
}
