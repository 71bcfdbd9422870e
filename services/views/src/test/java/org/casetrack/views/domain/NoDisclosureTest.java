package org.casetrack.views.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.domain.Snapshots.DayTally;
import org.casetrack.views.domain.Snapshots.NationalityTally;
import org.junit.jupiter.api.Test;

/**
 * No combination of the suppressed answers gives a small count away: for many generated case
 * populations, an attacker solving a linear program over every published number, every relation
 * and the inequalities a reader can add narrows no "&lt;5" count to a single value.
 */
public class NoDisclosureTest {
    static final LocalDate TODAY = LocalDate.of(2026, 1, 20);
    static final String[] NATIONALITIES = {"TH", "VN", "LA", "MM", "ID", "CN"};

    record Case(String compound, String nationality, LocalDate escapedOn, int status, LocalDate repatriatedOn, boolean detained,
                List<LocalDate> arrests) {
    }

    @Test
    void noSmallCountIsDerivableFromAllMonitorAnswersTogether() {
        int checked = 0;
        for (int seed = 1; seed <= 40; seed++) {
            checked += assertNothingDerivable(population(new Random(seed)), null, seed);
        }
        assertThat(checked).as("small counts checked").isGreaterThan(200);
    }

    @Test
    void noSmallCountIsDerivableFromAllOfAnEmbassysAnswersTogether() {
        int checked = 0;
        for (int seed = 100; seed <= 125; seed++) {
            checked += assertNothingDerivable(population(new Random(seed)), "TH", seed);
        }
        assertThat(checked).as("small counts checked").isGreaterThan(50);
    }

    private static int assertNothingDerivable(List<Case> cases, String only, int seed) {
        PublishedCounts counts = PublishedCounts.suppressed(compounds(cases), days(cases), TODAY, only, 5);
        Map<String, Object> readings = new TreeMap<>();
        counts.values().keySet().forEach(id -> readings.put(id, counts.read(id)));
        Attacker attacker = attackerOf(readings, TODAY, 5);
        int small = 0;
        for (Map.Entry<String, Object> r : readings.entrySet()) {
            // zeros inside a suppressed table read "<5" too, but a zero is no small count to protect
            if ("<5".equals(r.getValue()) && counts.values().get(r.getKey()) > 0) {
                small++;
                double[] range = attacker.range(r.getKey());
                assertThat(range[1] - range[0]).as("seed %d: %s (true value %d) narrowed to %s", seed, r.getKey(),
                        counts.values().get(r.getKey()), java.util.Arrays.toString(range)).isGreaterThanOrEqualTo(1 - 1e-6);
            }
        }
        return small;
    }

    /** The attacker's own knowledge of how the published counts relate, derived from their names alone. */
    public static Attacker attackerOf(Map<String, Object> readings, LocalDate today, int threshold) {
        List<String> compounds = ids(readings, "T|"), days = ids(readings, "E|");
        List<String> hidden = new ArrayList<>();
        List<Suppression.Table> tables = new ArrayList<>();
        for (String c : compounds) {
            hidden.add("O|" + c);
            tables.add(new Suppression.Table("T|" + c, List.of("U|" + c, "R|" + c, "O|" + c)));
        }
        tables.add(new Suppression.Table("U", compounds.stream().map(c -> "U|" + c).toList()));
        tables.add(new Suppression.Table("U", ids(readings, "UN|").stream().map(n -> "UN|" + n).toList()));
        tables.add(new Suppression.Table("U", ids(readings, "UB|").stream().map(b -> "UB|" + b).toList()));
        List<Suppression.Balance> balances = List.of(
                new Suppression.Balance(compounds.stream().map(c -> "T|" + c).toList(), days.stream().map(d -> "E|" + d).toList()),
                new Suppression.Balance(compounds.stream().map(c -> "R|" + c).toList(), days.stream().map(d -> "P|" + d).toList()));
        List<List<String>> atMost = new ArrayList<>();
        for (String bucket : DaysWaiting.BUCKETS) {
            List<String> le = new ArrayList<>(List.of("UB|" + bucket));
            days.stream().filter(d -> DaysWaiting.bucket(LocalDate.parse(d), today).equals(bucket)).forEach(d -> le.add("E|" + d));
            atMost.add(le);
        }
        compounds.forEach(c -> atMost.add(List.of("X|" + c, "T|" + c)));
        return new Attacker(readings, hidden, tables, balances, atMost, threshold);
    }

    private static List<String> ids(Map<String, Object> readings, String prefix) {
        return readings.keySet().stream().filter(id -> id.startsWith(prefix)).map(id -> id.substring(prefix.length())).toList();
    }

    static List<Case> population(Random random) {
        int compounds = 2 + random.nextInt(5);
        List<Case> cases = new ArrayList<>();
        int n = 5 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            String compound = random.nextInt(8) == 0 ? "UNKNOWN" : "c" + random.nextInt(compounds);
            String nationality = NATIONALITIES[Math.min(random.nextInt(8), NATIONALITIES.length - 1)];
            LocalDate escaped = TODAY.minusDays(random.nextInt(120));
            int status = random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2; // unrepatriated, repatriated, other
            LocalDate repatriated = status == 1 ? escaped.plusDays(random.nextInt((int) Math.max(1, TODAY.toEpochDay() - escaped.toEpochDay()))) : null;
            boolean arrested = random.nextInt(6) == 0;
            LocalDate arrestedOn = arrested ? escaped.plusDays(1) : null;
            cases.add(new Case(compound, nationality, escaped, status, repatriated, arrested && random.nextBoolean(),
                    arrested ? List.of(arrestedOn) : List.of()));
        }
        return cases;
    }

    static List<CompoundSnapshot> compounds(List<Case> cases) {
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        Map<String, Map<String, Map<String, Integer>>> byDate = new HashMap<>();
        for (Case c : cases) {
            int[] n = counts.computeIfAbsent(c.compound(), k -> new TreeMap<>()).computeIfAbsent(c.nationality(), k -> new int[4]);
            n[0]++;
            n[1] += c.status() == 0 ? 1 : 0;
            n[2] += c.status() == 1 ? 1 : 0;
            n[3] += c.detained() ? 1 : 0;
            if (c.status() == 0) {
                byDate.computeIfAbsent(c.compound(), k -> new HashMap<>()).computeIfAbsent(c.nationality(), k -> new HashMap<>())
                        .merge(c.escapedOn().toString(), 1, Integer::sum);
            }
        }
        List<CompoundSnapshot> snapshots = new ArrayList<>();
        counts.forEach((compound, byNationality) -> {
            Map<String, NationalityTally> tallies = new HashMap<>();
            byNationality.forEach((nat, n) -> tallies.put(nat, new NationalityTally(n[0], n[1], n[2], n[3],
                    byDate.getOrDefault(compound, Map.of()).getOrDefault(nat, Map.of()))));
            snapshots.add(new CompoundSnapshot(compound, null, tallies));
        });
        return snapshots;
    }

    static List<DaySnapshot> days(List<Case> cases) {
        Map<String, Map<String, int[]>> days = new TreeMap<>();
        for (Case c : cases) {
            days.computeIfAbsent(c.escapedOn().toString(), k -> new HashMap<>()).computeIfAbsent(c.nationality(), k -> new int[3])[0]++;
            if (c.repatriatedOn() != null) {
                days.computeIfAbsent(c.repatriatedOn().toString(), k -> new HashMap<>()).computeIfAbsent(c.nationality(), k -> new int[3])[1]++;
            }
            for (LocalDate a : c.arrests()) {
                days.computeIfAbsent(a.toString(), k -> new HashMap<>()).computeIfAbsent(c.nationality(), k -> new int[3])[2]++;
            }
        }
        List<DaySnapshot> snapshots = new ArrayList<>();
        days.forEach((day, byNationality) -> {
            Map<String, DayTally> tallies = new HashMap<>();
            byNationality.forEach((nat, n) -> tallies.put(nat, new DayTally(n[0], n[1], n[2])));
            snapshots.add(new DaySnapshot(day, tallies, 0, 0));
        });
        return snapshots;
    }
}
