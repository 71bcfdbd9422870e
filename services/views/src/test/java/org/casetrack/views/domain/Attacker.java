package org.casetrack.views.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Someone holding every suppressed answer at once: a linear program over every published number
 * (exact values fixed, "&lt;5" between 1 and 4, or 0 and 4 inside a table whose total reads "&lt;5",
 * "suppressed" at least the threshold, hidden counts at least 0), every relation between them and the
 * inequalities a reader could add. For a suppressed count it finds the smallest and largest value it can take.
 */
public final class Attacker {
    private final List<String> ids;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<LinearConstraint> constraints = new ArrayList<>();

    public Attacker(Map<String, Object> readings, List<String> hidden, List<Suppression.Table> tables, List<Suppression.Balance> balances,
             List<List<String>> atMost, int threshold) {
        ids = new ArrayList<>(readings.keySet());
        ids.addAll(hidden);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        List<String> inSmallTable = new ArrayList<>();
        for (Suppression.Table t : tables) {
            if (String.valueOf(readings.get(t.total())).startsWith("<")) {
                inSmallTable.addAll(t.cells());
            }
            Map<String, Double> eq = new HashMap<>();
            eq.merge(t.total(), -1.0, Double::sum);
            t.cells().forEach(c -> eq.merge(c, 1.0, Double::sum));
            add(eq, Relationship.EQ, 0);
        }
        for (Suppression.Balance b : balances) {
            Map<String, Double> eq = new HashMap<>();
            b.left().forEach(c -> eq.merge(c, 1.0, Double::sum));
            b.right().forEach(c -> eq.merge(c, -1.0, Double::sum));
            add(eq, Relationship.EQ, 0);
        }
        // each list: the first count is at most the sum of the others
        for (List<String> le : atMost) {
            Map<String, Double> eq = new HashMap<>();
            eq.merge(le.get(0), 1.0, Double::sum);
            le.subList(1, le.size()).forEach(c -> eq.merge(c, -1.0, Double::sum));
            add(eq, Relationship.LEQ, 0);
        }
        readings.forEach((id, reading) -> {
            if (reading instanceof Integer v) {
                add(Map.of(id, 1.0), Relationship.EQ, v);
            } else if (("<" + threshold).equals(reading)) {
                add(Map.of(id, 1.0), Relationship.GEQ, inSmallTable.contains(id) ? 0 : 1);
                add(Map.of(id, 1.0), Relationship.LEQ, threshold - 1);
            } else if (PublishedCounts.SUPPRESSED.equals(reading)) {
                add(Map.of(id, 1.0), Relationship.GEQ, threshold);
            } else {
                throw new IllegalArgumentException("Unexpected reading of " + id + ": " + reading);
            }
        });
    }

    private void add(Map<String, Double> coefficients, Relationship relationship, double value) {
        double[] row = new double[ids.size()];
        coefficients.forEach((id, c) -> row[index.get(id)] += c);
        constraints.add(new LinearConstraint(row, relationship, value));
    }

    /** The range [min, max] a count can take given everything published. */
    public double[] range(String id) {
        return new double[] {optimum(id, GoalType.MINIMIZE), optimum(id, GoalType.MAXIMIZE)};
    }

    private double optimum(String id, GoalType goal) {
        double[] objective = new double[ids.size()];
        objective[index.get(id)] = 1;
        PointValuePair solution = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true));
        return solution.getValue();
    }
}
