package org.casetrack.views.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Small-cell suppression over every count a monitor or embassy may see, as one plan so that no
 * combination of their responses gives a suppressed count away.
 * <ul>
 * <li>A count from 1 to threshold-1 is SMALL (it reads "&lt;5"); 0 shows as 0.</li>
 * <li>A table whose total is small is suppressed whole (its zeros too: "&lt;5" is still true of them).</li>
 * <li>Complementary suppression: the plan reasons as an attacker would, from every published number and
 *     every relation between them (a total equals the sum of its cells; the same people counted two ways),
 *     narrowing each hidden count to the values it can still take. While some small count is narrowed to
 *     a single value, the smallest shown non-zero count of a relation it is in is suppressed too
 *     (COMPLEMENT). With one suppressed cell in a table this is exactly "suppress the next smallest cell".</li>
 * </ul>
 * The plan is a pure function of the counts, so every response computed from the same counts agrees.
 */
public final class Suppression {
    public enum Mark { EXACT, SMALL, COMPLEMENT }

    /** A total and its cells: total = sum of cells. */
    public record Table(String total, List<String> cells) {
    }

    /** Two ways of counting the same people: sum of left = sum of right. */
    public record Balance(List<String> left, List<String> right) {
    }

    /** A count that is at most the sum of others (unrepatriated of a days-waiting bucket, escapes of its days). */
    public record AtMost(String cell, List<String> sumOf) {
    }

    private Suppression() {
    }

    /**
     * @param values    every count by id, including hidden ones
     * @param hidden    counts that are never published (a remainder nobody is shown)
     * @param threshold counts 1..threshold-1 are small
     */
    public static Map<String, Mark> plan(Map<String, Integer> values, Set<String> hidden, List<Table> tables,
                                         List<Balance> balances, List<AtMost> atMost, int threshold) {
        Map<String, Mark> marks = new HashMap<>();
        values.forEach((id, v) -> marks.put(id, v >= 1 && v < threshold && !hidden.contains(id) ? Mark.SMALL : Mark.EXACT));
        Map<String, Boolean> mayBeZero = new HashMap<>();
        for (Table t : tables) {
            int total = values.getOrDefault(t.total(), 0);
            if (total >= 1 && total < threshold) {
                marks.put(t.total(), Mark.SMALL);
                for (String c : t.cells()) {
                    if (!hidden.contains(c)) {
                        marks.put(c, Mark.SMALL);
                        mayBeZero.put(c, true);
                    }
                }
            }
        }
        List<Map<String, Integer>> equations = equations(tables, balances);
        List<Map<String, Integer>> inequalities = new ArrayList<>();
        for (AtMost le : atMost) {
            Map<String, Integer> eq = new HashMap<>();
            eq.merge(le.cell(), 1, Integer::sum);
            le.sumOf().forEach(c -> eq.merge(c, -1, Integer::sum));
            inequalities.add(eq);
        }
        List<Map<String, Integer>> relations = new ArrayList<>(equations);
        relations.addAll(inequalities);
        for (int round = 0; round < values.size() + 1; round++) {
            Bounds bounds = Bounds.propagate(values, hidden, marks, mayBeZero, equations, inequalities, threshold);
            List<String> pinned = marks.entrySet().stream()
                    .filter(e -> e.getValue() == Mark.SMALL && bounds.isPinned(e.getKey()))
                    .map(Map.Entry::getKey).sorted().toList();
            Optional<String> complement = pinned.stream()
                    .map(p -> complementFor(p, values, hidden, marks, relations))
                    .flatMap(Optional::stream).findFirst();
            if (complement.isEmpty()) {
                break;
            }
            marks.put(complement.get(), Mark.COMPLEMENT);
        }
        hidden.forEach(marks::remove);
        return marks;
    }

    private static List<Map<String, Integer>> equations(List<Table> tables, List<Balance> balances) {
        List<Map<String, Integer>> equations = new ArrayList<>();
        for (Table t : tables) {
            Map<String, Integer> eq = new HashMap<>();
            eq.merge(t.total(), -1, Integer::sum);
            t.cells().forEach(c -> eq.merge(c, 1, Integer::sum));
            equations.add(eq);
        }
        for (Balance b : balances) {
            Map<String, Integer> eq = new HashMap<>();
            b.left().forEach(c -> eq.merge(c, 1, Integer::sum));
            b.right().forEach(c -> eq.merge(c, -1, Integer::sum));
            equations.add(eq);
        }
        return equations;
    }

    /** The smallest shown non-zero count in the relation of the pinned cell that hides the fewest counts. */
    private static Optional<String> complementFor(String pinned, Map<String, Integer> values, Set<String> hidden,
                                                  Map<String, Mark> marks, List<Map<String, Integer>> equations) {
        return equations.stream()
                .filter(eq -> eq.containsKey(pinned))
                .sorted(Comparator.comparingLong(eq -> eq.keySet().stream()
                        .filter(c -> hidden.contains(c) || marks.get(c) != Mark.EXACT).count()))
                .map(eq -> eq.keySet().stream()
                        .filter(c -> !hidden.contains(c) && marks.get(c) == Mark.EXACT && values.getOrDefault(c, 0) > 0)
                        .min(Comparator.<String>comparingInt(values::get).thenComparing(Comparator.naturalOrder())))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
