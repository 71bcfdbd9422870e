package org.casetrack.views.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an attacker can narrow each unpublished count to: interval propagation over the relations,
 * starting from what the published marks say (a SMALL count is 1..threshold-1, or 0..threshold-1 in a
 * suppressed table; a COMPLEMENT count is at least the threshold; a hidden count is at least 0).
 */
final class Bounds {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final Map<String, double[]> ranges;

    private Bounds(Map<String, double[]> ranges) {
        this.ranges = ranges;
    }

    boolean isPinned(String id) {
        double[] r = ranges.get(id);
        return r != null && r[1] - r[0] < 1;
    }

    static Bounds propagate(Map<String, Integer> values, Set<String> hidden, Map<String, Suppression.Mark> marks,
                            Map<String, Boolean> mayBeZero, List<Map<String, Integer>> equations,
                            List<Map<String, Integer>> inequalities, int threshold) {
        Map<String, double[]> ranges = new HashMap<>();
        values.keySet().forEach(id -> {
            Suppression.Mark mark = marks.get(id);
            if (hidden.contains(id)) {
                ranges.put(id, new double[] {0, INF});
            } else if (mark == Suppression.Mark.SMALL) {
                ranges.put(id, new double[] {mayBeZero.containsKey(id) ? 0 : 1, threshold - 1});
            } else if (mark == Suppression.Mark.COMPLEMENT) {
                ranges.put(id, new double[] {threshold, INF});
            }
        });
        boolean changed = true;
        for (int round = 0; changed && round < 100; round++) {
            changed = false;
            for (Map<String, Integer> eq : equations) {
                changed |= narrow(eq, values, ranges, true);
            }
            for (Map<String, Integer> le : inequalities) {
                changed |= narrow(le, values, ranges, false);
            }
        }
        return new Bounds(ranges);
    }

    /**
     * For sum(a_i x_i) = 0 (or &lt;= 0 when not {@code equal}): each unknown a_j x_j = (or &lt;=) -(known + sum of the
     * other unknowns), with a_i = +-1.
     */
    private static boolean narrow(Map<String, Integer> eq, Map<String, Integer> values, Map<String, double[]> ranges, boolean equal) {
        double known = 0;
        for (Map.Entry<String, Integer> e : eq.entrySet()) {
            if (!ranges.containsKey(e.getKey())) {
                known += e.getValue() * values.getOrDefault(e.getKey(), 0);
            }
        }
        boolean changed = false;
        for (Map.Entry<String, Integer> target : eq.entrySet()) {
            double[] r = ranges.get(target.getKey());
            if (r == null) {
                continue;
            }
            double lo = -known, hi = -known;
            for (Map.Entry<String, Integer> other : eq.entrySet()) {
                double[] o = ranges.get(other.getKey());
                if (o == null || other.getKey().equals(target.getKey())) {
                    continue;
                }
                int a = other.getValue();
                // subtract a*x_other: its contribution's range is [a*lo, a*hi] ordered
                double cLo = a > 0 ? a * o[0] : a * o[1];
                double cHi = a > 0 ? a * o[1] : a * o[0];
                lo -= cHi;
                hi -= cLo;
            }
            int a = target.getValue();
            if (!equal) {
                // a_j x_j <= -(known + others) holds for some value of the others: only the loosest bound counts
                lo = Double.NEGATIVE_INFINITY;
            }
            double newLo = a > 0 ? lo / a : hi / a;
            double newHi = a > 0 ? hi / a : lo / a;
            if (newLo > r[0] + 1e-9) {
                r[0] = Math.ceil(newLo - 1e-9);
                changed = true;
            }
            if (newHi < r[1] - 1e-9) {
                r[1] = Math.floor(newHi + 1e-9);
                changed = true;
            }
        }
        return changed;
    }
}
