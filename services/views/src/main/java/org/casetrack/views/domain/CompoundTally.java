package org.casetrack.views.domain;

import java.util.HashMap;
import java.util.Map;
import org.casetrack.avro.CaseContribution;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundDelta;
import org.casetrack.avro.NationalityCounts;

/** Applies count deltas to a compound's counts, dropping cells that reach zero so the records stay small. */
public final class CompoundTally {
    private CompoundTally() {
    }

    public static CompoundCounts empty() {
        return CompoundCounts.newBuilder().build();
    }

    public static CompoundCounts apply(String compoundId, CompoundCounts counts, CompoundDelta delta) {
        Map<String, NationalityCounts> byNationality = new HashMap<>(counts.getByNationality());
        for (CaseContribution c : delta.getContributions()) {
            NationalityCounts current = byNationality.get(c.getNationality());
            NationalityCounts.Builder n = NationalityCounts.newBuilder(current == null ? NationalityCounts.newBuilder().build() : current);
            int sign = c.getSign();
            n.setTotal(n.getTotal() + sign);
            n.setUnrepatriated(n.getUnrepatriated() + (c.getUnrepatriated() ? sign : 0));
            n.setRepatriated(n.getRepatriated() + (c.getRepatriated() ? sign : 0));
            n.setDetained(n.getDetained() + (c.getDetained() ? sign : 0));
            NationalityCounts updated = n.build();
            if (isZero(updated)) {
                byNationality.remove(c.getNationality());
            } else {
                byNationality.put(c.getNationality(), updated);
            }
        }
        return new CompoundCounts(compoundId, byNationality);
    }

    /**
     * Applies deltas to a compound's unrepatriated cases by nationality, counted and by escape date (store
     * unrepatriated-by-escape-date-store): a record of the same shape as the counts with only
     * {@code unrepatriated} and {@code unrepatriatedByEscapeDate} filled. Kept apart from the counts, which
     * every single-compound read decodes, because the dates grow with history; it alone feeds the "all"
     * record, so each change reaches it once.
     */
    public static CompoundCounts applyUnrepatriated(String compoundId, CompoundCounts unrepatriated, CompoundDelta delta) {
        // each touched nationality's count and dates are summed in working copies made once, not once per contribution:
        // a folded delta of a large compound carries thousands of contributions over hundreds of dates
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Map<String, Integer>> dates = new HashMap<>();
        for (CaseContribution c : delta.getContributions()) {
            if (!c.getUnrepatriated()) {
                continue;
            }
            String nationality = c.getNationality();
            int[] count = counts.get(nationality);
            if (count == null) {
                NationalityCounts current = unrepatriated.getByNationality().get(nationality);
                count = new int[] {current == null ? 0 : current.getUnrepatriated()};
                counts.put(nationality, count);
                dates.put(nationality, new HashMap<>(current == null ? Map.of() : current.getUnrepatriatedByEscapeDate()));
            }
            count[0] += c.getSign();
            if (c.getEscapedOn() != null) {
                Map<String, Integer> byDate = dates.get(nationality);
                String date = c.getEscapedOn().toString();
                if (byDate.merge(date, c.getSign(), Integer::sum) == 0) {
                    byDate.remove(date);
                }
            }
        }
        Map<String, NationalityCounts> byNationality = new HashMap<>(unrepatriated.getByNationality());
        counts.forEach((nationality, count) -> {
            Map<String, Integer> byDate = dates.get(nationality);
            if (count[0] == 0 && byDate.isEmpty()) {
                byNationality.remove(nationality);
            } else {
                byNationality.put(nationality, NationalityCounts.newBuilder().setUnrepatriated(count[0])
                        .setUnrepatriatedByEscapeDate(byDate).build());
            }
        });
        return new CompoundCounts(compoundId, byNationality);
    }

    /** A compound's counts with its unrepatriated cases by escape date put back in (from {@code dates}, which may be null). */
    public static CompoundCounts withDates(CompoundCounts counts, CompoundCounts dates) {
        if (dates == null || dates.getByNationality().isEmpty()) {
            return counts;
        }
        Map<String, NationalityCounts> byNationality = new HashMap<>();
        counts.getByNationality().forEach((n, c) -> byNationality.put(n, c));
        dates.getByNationality().forEach((n, d) -> {
            NationalityCounts c = byNationality.get(n);
            byNationality.put(n, NationalityCounts.newBuilder(c == null ? NationalityCounts.newBuilder().build() : c)
                    .setUnrepatriatedByEscapeDate(d.getUnrepatriatedByEscapeDate()).build());
        });
        return new CompoundCounts(counts.getCompoundId(), byNationality);
    }

    private static boolean isZero(NationalityCounts n) {
        return n.getTotal() == 0 && n.getUnrepatriated() == 0 && n.getRepatriated() == 0 && n.getDetained() == 0
                && n.getUnrepatriatedByEscapeDate().isEmpty();
    }

    /** The counts of a compound over the nationalities given (all of them when {@code only} is null). */
    public static Totals totals(CompoundCounts counts, String only) {
        int total = 0, unrepatriated = 0, repatriated = 0, detained = 0;
        if (counts != null) {
            for (Map.Entry<String, NationalityCounts> e : counts.getByNationality().entrySet()) {
                if (only != null && !only.equals(e.getKey())) {
                    continue;
                }
                NationalityCounts n = e.getValue();
                total += n.getTotal();
                unrepatriated += n.getUnrepatriated();
                repatriated += n.getRepatriated();
                detained += n.getDetained();
            }
        }
        return new Totals(total, unrepatriated, repatriated, detained);
    }

    public record Totals(int total, int unrepatriated, int repatriated, int detained) {
    }
}
