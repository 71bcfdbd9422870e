package org.casetrack.views.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.NationalityCounts;
import org.casetrack.avro.UnrepatriatedTotals;
import org.casetrack.avro.UnrepatriatedView;

/**
 * Unrepatriated cases of every compound together: the adder and subtractor that keep the "all"
 * record as compounds' counts change, and the pushed view with its days-waiting buckets.
 */
public final class Unrepatriated {
    public static final String ALL = "all";

    private Unrepatriated() {
    }

    public static UnrepatriatedTotals empty() {
        return UnrepatriatedTotals.newBuilder().build();
    }

    public static UnrepatriatedTotals add(String compoundId, CompoundCounts counts, UnrepatriatedTotals totals) {
        return change(compoundId, counts, totals, 1);
    }

    public static UnrepatriatedTotals subtract(String compoundId, CompoundCounts counts, UnrepatriatedTotals totals) {
        return change(compoundId, counts, totals, -1);
    }

    private static UnrepatriatedTotals change(String compoundId, CompoundCounts counts, UnrepatriatedTotals totals, int sign) {
        Map<String, Integer> byCompound = new HashMap<>(totals.getByCompound());
        Map<String, Integer> byNationality = new HashMap<>(totals.getByNationality());
        Map<String, Integer> byEscapeDate = new HashMap<>(totals.getByEscapeDate());
        for (Map.Entry<String, NationalityCounts> e : counts.getByNationality().entrySet()) {
            int n = e.getValue().getUnrepatriated() * sign;
            merge(byCompound, compoundId, n);
            merge(byNationality, e.getKey(), n);
            e.getValue().getUnrepatriatedByEscapeDate().forEach((date, m) -> merge(byEscapeDate, date, m * sign));
        }
        return new UnrepatriatedTotals(byCompound, byNationality, byEscapeDate);
    }

    private static void merge(Map<String, Integer> map, String key, int n) {
        if (n != 0 && map.merge(key, n, Integer::sum) == 0) {
            map.remove(key);
        }
    }

    public static UnrepatriatedView view(UnrepatriatedTotals totals, LocalDate today) {
        int total = totals.getByNationality().values().stream().mapToInt(Integer::intValue).sum();
        return UnrepatriatedView.newBuilder().setAsOf(today).setTotal(total)
                .setByNationality(totals.getByNationality()).setByCompound(totals.getByCompound())
                .setByEscapeDate(totals.getByEscapeDate()).setByDaysWaiting(DaysWaiting.buckets(totals.getByEscapeDate(), today))
                .build();
    }
}
