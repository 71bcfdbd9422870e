package org.casetrack.views.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.TimelineDay;

/**
 * Plain values of what the stores hold, as one instance hands them to another and as responses are
 * computed from them: counts, dates and the compound registry; nothing about any person.
 */
public final class Snapshots {
    private Snapshots() {
    }

    public record Estimate(LocalDate reportedOn, int min, int max) {
    }

    public record RegistryEntry(String name, String country, String province, String locality, Double latitude, Double longitude,
                                LocalDate discoveredOn, String status, String reliability, int operatorArrests, Estimate estimate) {
    }

    public record NationalityTally(int total, int unrepatriated, int repatriated, int detained,
                                   Map<String, Integer> unrepatriatedByEscapeDate) {
        public NationalityTally {
            // JSON between instances leaves empty maps out
            unrepatriatedByEscapeDate = unrepatriatedByEscapeDate == null ? Map.of() : unrepatriatedByEscapeDate;
        }
    }

    /** A compound (or UNKNOWN) with its registry entry (null when not registered) and its counts by nationality. */
    public record CompoundSnapshot(String compoundId, RegistryEntry registry, Map<String, NationalityTally> byNationality) {
        public CompoundSnapshot {
            byNationality = byNationality == null ? Map.of() : byNationality;
        }

        public CompoundTally.Totals totals(String onlyNationality) {
            int total = 0, unrepatriated = 0, repatriated = 0, detained = 0;
            for (Map.Entry<String, NationalityTally> e : byNationality.entrySet()) {
                if (onlyNationality == null || onlyNationality.equals(e.getKey())) {
                    total += e.getValue().total();
                    unrepatriated += e.getValue().unrepatriated();
                    repatriated += e.getValue().repatriated();
                    detained += e.getValue().detained();
                }
            }
            return new CompoundTally.Totals(total, unrepatriated, repatriated, detained);
        }
    }

    public record DayTally(int escapes, int repatriations, int arrests) {
    }

    public record DaySnapshot(String day, Map<String, DayTally> byNationality, int discoveries, int operatorArrests) {
        public DaySnapshot {
            byNationality = byNationality == null ? Map.of() : byNationality;
        }

        public DayTally cases(String onlyNationality) {
            int e = 0, r = 0, a = 0;
            for (Map.Entry<String, DayTally> n : byNationality.entrySet()) {
                if (onlyNationality == null || onlyNationality.equals(n.getKey())) {
                    e += n.getValue().escapes();
                    r += n.getValue().repatriations();
                    a += n.getValue().arrests();
                }
            }
            return new DayTally(e, r, a);
        }
    }

    public static CompoundSnapshot compound(String compoundId, CompoundState state, CompoundCounts counts) {
        Map<String, NationalityTally> byNationality = new HashMap<>();
        if (counts != null) {
            counts.getByNationality().forEach((n, c) -> byNationality.put(n, new NationalityTally(c.getTotal(), c.getUnrepatriated(),
                    c.getRepatriated(), c.getDetained(), Map.copyOf(c.getUnrepatriatedByEscapeDate()))));
        }
        return new CompoundSnapshot(compoundId, registry(state), byNationality);
    }

    private static RegistryEntry registry(CompoundState s) {
        if (s == null) {
            return null;
        }
        Estimate estimate = s.getLatestHeadcount() == null ? null : new Estimate(s.getLatestHeadcount().getReportedOn(),
                s.getLatestHeadcount().getMin(), s.getLatestHeadcount().getMax());
        return new RegistryEntry(s.getName(), s.getCountry(), s.getProvince(), s.getLocality(), s.getLatitude(), s.getLongitude(),
                s.getDiscoveredOn(), s.getStatus().name(), s.getReliability(), s.getOperatorArrests(), estimate);
    }

    public static DaySnapshot day(TimelineDay day) {
        Map<String, DayTally> byNationality = new HashMap<>();
        day.getByNationality().forEach((n, c) -> byNationality.put(n, new DayTally(c.getEscapes(), c.getRepatriations(), c.getArrests())));
        return new DaySnapshot(day.getDay(), byNationality, day.getDiscoveries(), day.getOperatorArrests());
    }
}
