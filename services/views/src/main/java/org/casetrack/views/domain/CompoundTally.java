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
            if (c.getUnrepatriated() && c.getEscapedOn() != null) {
                Map<String, Integer> byDate = new HashMap<>(n.getUnrepatriatedByEscapeDate());
                byDate.merge(c.getEscapedOn().toString(), sign, Integer::sum);
                byDate.values().removeIf(v -> v == 0);
                n.setUnrepatriatedByEscapeDate(byDate);
            }
            NationalityCounts updated = n.build();
            if (isZero(updated)) {
                byNationality.remove(c.getNationality());
            } else {
                byNationality.put(c.getNationality(), updated);
            }
        }
        return new CompoundCounts(compoundId, byNationality);
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
