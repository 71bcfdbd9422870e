package org.casetrack.bench.data;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A Zipf distribution over ranks 1..n (probability of rank k proportional to 1/k^s), sampled by
 * binary search in its cumulative table: a few compounds hold most of the people, as in the field.
 */
public final class Zipf {
    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("A Zipf distribution needs at least one rank");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1.0 / Math.pow(k, exponent);
            cumulative[k - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    /** A rank from 0 (the most likely) to n - 1. */
    public int sample(RandomGenerator random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    /** The probability of a rank from 0. */
    public double probability(int rank) {
        return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
    }

    public int size() {
        return cumulative.length;
    }
}
