package org.casetrack.bench.data;

import java.util.List;
import java.util.random.RandomGenerator;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.Gender;

/**
 * How the generated data is spread, after the public reporting of January 2026: a skewed (Zipf)
 * spread over a few hundred compounds, a dozen nationalities led by Thai, Vietnamese and Indonesian,
 * groups of 1 to 40 persons (mostly small, some busloads), mostly young adult men.
 */
public final class FieldModel {
    public static final List<String> NATIONALITIES = List.of("TH", "VN", "ID", "CN", "MM", "LA", "KR", "PH", "MY", "IN", "LK", "KE");
    public static final int MAX_GROUP = 40;

    private final Zipf compounds;
    private final Zipf nationalities = new Zipf(NATIONALITIES.size(), 1.0);
    private final Zipf groupSizes = new Zipf(MAX_GROUP, 1.4);

    public FieldModel(int compoundCount) {
        this.compounds = new Zipf(compoundCount, 1.1);
    }

    public int compoundCount() {
        return compounds.size();
    }

    /** Index of a compound, 0 being the one most people come out of. */
    public int compound(RandomGenerator random) {
        return compounds.sample(random);
    }

    public String nationality(RandomGenerator random) {
        return NATIONALITIES.get(nationalities.sample(random));
    }

    /** Persons in one report, 1 to 40. */
    public int groupSize(RandomGenerator random) {
        return groupSizes.sample(random) + 1;
    }

    /** The mean group size, used to spread the generated reports over the calendar. */
    public double meanGroupSize() {
        double mean = 0;
        for (int k = 0; k < MAX_GROUP; k++) {
            mean += (k + 1) * groupSizes.probability(k);
        }
        return mean;
    }

    public Circumstance circumstance(RandomGenerator random) {
        double p = random.nextDouble();
        return p < 0.5 ? Circumstance.ESCAPED : p < 0.85 ? Circumstance.RELEASED : Circumstance.RESCUED;
    }

    public Gender gender(RandomGenerator random) {
        double p = random.nextDouble();
        return p < 0.72 ? Gender.MALE : p < 0.97 ? Gender.FEMALE : Gender.UNKNOWN;
    }

    /** Adults mostly; about 2% minors (whose band makes them minors). */
    public AgeBand ageBand(RandomGenerator random) {
        double p = random.nextDouble();
        if (p < 0.02) {
            return AgeBand.AGE_12_17;
        }
        if (p < 0.30) {
            return AgeBand.AGE_18_24;
        }
        if (p < 0.75) {
            return AgeBand.AGE_25_34;
        }
        if (p < 0.92) {
            return AgeBand.AGE_35_44;
        }
        return p < 0.97 ? AgeBand.AGE_45_54 : AgeBand.UNKNOWN;
    }

    /** The API's spelling of an age band. */
    public static String apiAgeBand(AgeBand band) {
        return switch (band) {
            case AGE_0_11 -> "0-11";
            case AGE_12_17 -> "12-17";
            case AGE_18_24 -> "18-24";
            case AGE_25_34 -> "25-34";
            case AGE_35_44 -> "35-44";
            case AGE_45_54 -> "45-54";
            case AGE_55_64 -> "55-64";
            case AGE_65_PLUS -> "65+";
            default -> "UNKNOWN";
        };
    }

    public static boolean isMinor(AgeBand band) {
        return band == AgeBand.AGE_0_11 || band == AgeBand.AGE_12_17;
    }
}
