package org.casetrack.views.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.DayCounts;
import org.casetrack.avro.OperatorArrested;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.TimelineDelta;

/**
 * The daily timeline: escapes, repatriations and arrests of cases, and discoveries and operator
 * arrests of compounds, each counted on its world date (not when it was reported), so a report that
 * arrives weeks late still counts on its day. A correction of a case's escape date or nationality
 * moves its facts to their new cells.
 */
public final class Timeline {
    private Timeline() {
    }

    /** A day (yyyy-MM-dd) and the change to it. */
    public record Keyed(String day, TimelineDelta delta) {
    }

    private record Cell(String day, String nationality) {
    }

    public static List<Keyed> deltas(CaseSummary before, CaseSummary after) {
        Map<Cell, int[]> changes = new TreeMap<>((a, b) -> {
            int c = a.day().compareTo(b.day());
            return c != 0 ? c : a.nationality().compareTo(b.nationality());
        });
        facts(before, -1, changes);
        facts(after, 1, changes);
        List<Keyed> deltas = new ArrayList<>();
        changes.forEach((cell, n) -> {
            if (n[0] != 0 || n[1] != 0 || n[2] != 0) {
                deltas.add(new Keyed(cell.day(), TimelineDelta.newBuilder().setNationality(cell.nationality())
                        .setEscapes(n[0]).setRepatriations(n[1]).setArrests(n[2]).build()));
            }
        });
        return deltas;
    }

    private static void facts(CaseSummary s, int sign, Map<Cell, int[]> changes) {
        if (s == null || !s.getOpened()) {
            return;
        }
        add(changes, s.getEscapedOn(), s.getNationality(), 0, sign);
        add(changes, s.getRepatriatedOn(), s.getNationality(), 1, sign);
        for (LocalDate arrested : s.getArrestedOn()) {
            add(changes, arrested, s.getNationality(), 2, sign);
        }
    }

    private static void add(Map<Cell, int[]> changes, LocalDate day, String nationality, int kind, int sign) {
        if (day != null) {
            changes.computeIfAbsent(new Cell(day.toString(), nationality), c -> new int[3])[kind] += sign;
        }
    }

    public static List<Keyed> deltas(CompoundEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof CompoundDiscovered d) {
            return List.of(new Keyed(d.getDiscoveredOn().toString(), TimelineDelta.newBuilder().setDiscoveries(1).build()));
        }
        if (payload instanceof OperatorArrested a) {
            return List.of(new Keyed(a.getArrestedOn().toString(), TimelineDelta.newBuilder().setOperatorArrests(1).build()));
        }
        return List.of();
    }

    public static TimelineDay empty(String day) {
        return TimelineDay.newBuilder().setDay(day).build();
    }

    public static TimelineDay apply(String day, TimelineDay current, TimelineDelta delta) {
        TimelineDay.Builder d = TimelineDay.newBuilder(current == null ? empty(day) : current);
        d.setDay(day);
        d.setDiscoveries(d.getDiscoveries() + delta.getDiscoveries());
        d.setOperatorArrests(d.getOperatorArrests() + delta.getOperatorArrests());
        if (delta.getNationality() != null) {
            Map<String, DayCounts> byNationality = new HashMap<>(d.getByNationality());
            DayCounts was = byNationality.getOrDefault(delta.getNationality(), new DayCounts(0, 0, 0));
            DayCounts now = new DayCounts(was.getEscapes() + delta.getEscapes(), was.getRepatriations() + delta.getRepatriations(),
                    was.getArrests() + delta.getArrests());
            if (now.getEscapes() == 0 && now.getRepatriations() == 0 && now.getArrests() == 0) {
                byNationality.remove(delta.getNationality());
            } else {
                byNationality.put(delta.getNationality(), now);
            }
            d.setByNationality(byNationality);
        }
        return d.build();
    }

    /** A day's case counts over the nationalities given (all when {@code only} is null). */
    public static DayCounts caseCounts(TimelineDay day, String only) {
        int escapes = 0, repatriations = 0, arrests = 0;
        for (Map.Entry<String, DayCounts> e : day.getByNationality().entrySet()) {
            if (only == null || only.equals(e.getKey())) {
                escapes += e.getValue().getEscapes();
                repatriations += e.getValue().getRepatriations();
                arrests += e.getValue().getArrests();
            }
        }
        return new DayCounts(escapes, repatriations, arrests);
    }
}
