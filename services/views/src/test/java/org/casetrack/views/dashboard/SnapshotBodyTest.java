package org.casetrack.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casetrack.access.auth.Roles;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.domain.Snapshots.DayTally;
import org.casetrack.views.domain.Snapshots.Estimate;
import org.casetrack.views.domain.Snapshots.NationalityTally;
import org.casetrack.views.domain.Snapshots.RegistryEntry;
import org.junit.jupiter.api.Test;

/** What goes into a dashboard snapshot, for each audience, from store snapshots alone (no Kafka). */
class SnapshotBodyTest {
    static final LocalDate TODAY = LocalDate.of(2026, 1, 31);
    static final Audience COORDINATOR = new Audience(Roles.COORDINATOR, null);
    static final Audience MONITOR = new Audience(Roles.MONITOR, null);
    static final Audience EMBASSY_TH = new Audience(Roles.EMBASSY, "TH");

    // 12 Thai (all waiting, escaped 3 days ago) at gwp; 8 Vietnamese (2 repatriated) and 2 Chinese at poipet, 20 days ago
    static final List<CompoundSnapshot> COMPOUNDS = List.of(
            new CompoundSnapshot("gwp", registry("Great Wall Park", new Estimate(TODAY.minusDays(5), 150, 250)),
                    Map.of("TH", new NationalityTally(12, 12, 0, 0, Map.of(day(3), 12)))),
            new CompoundSnapshot("poipet", registry("Compound near Poipet", null), Map.of(
                    "VN", new NationalityTally(8, 6, 2, 0, Map.of(day(20), 6)),
                    "CN", new NationalityTally(2, 2, 0, 0, Map.of(day(20), 2)))));
    static final List<DaySnapshot> DAYS = List.of(
            new DaySnapshot(day(200), Map.of(), 1, 0),
            new DaySnapshot(day(20), Map.of("VN", new DayTally(8, 0, 0), "CN", new DayTally(2, 0, 0)), 0, 0),
            new DaySnapshot(day(10), Map.of("VN", new DayTally(0, 2, 0)), 0, 0),
            new DaySnapshot(day(3), Map.of("TH", new DayTally(12, 0, 0)), 0, 1));

    static String day(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }

    static RegistryEntry registry(String name, Estimate estimate) {
        return new RegistryEntry(name, "KH", "Banteay Meanchey", "Poipet", 13.66, 102.56, TODAY.minusDays(60), "ACTIVE", "B2", 0, estimate);
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> body, String... path) {
        Object node = body;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static <T> T as(Object value) {
        return (T) value;
    }

    static Map<String, Object> compound(Map<String, Object> body, String id) {
        List<Map<String, Object>> compounds = as(at(body, "compounds"));
        return compounds.stream().filter(c -> c.get("compoundId").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCoordinatorReadsEveryCountExactly() {
        Map<String, Object> body = SnapshotBody.build(COORDINATOR, COMPOUNDS, DAYS, TODAY, 90, 5);
        assertThat(compound(body, "poipet")).containsEntry("total", 10).containsEntry("repatriated", 2).containsEntry("unrepatriated", 8);
        assertThat(at(body, "unrepatriated", "byNationality")).isEqualTo(Map.of("TH", 12, "VN", 6, "CN", 2));
        assertThat(at(body, "unrepatriated", "total")).isEqualTo(20);
        assertThat(at(body, "audience", "suppressed")).isEqualTo(false);
    }

    @Test
    void aMonitorReadsSmallCountsAsLessThanFiveWithTheirComplementSuppressed() {
        Map<String, Object> body = SnapshotBody.build(MONITOR, COMPOUNDS, DAYS, TODAY, 90, 5);
        assertThat(compound(body, "poipet")).containsEntry("repatriated", "<5").containsEntry("total", 10);
        Map<String, Object> byNationality = as(at(body, "unrepatriated", "byNationality"));
        assertThat(byNationality).containsEntry("CN", "<5").containsEntry("VN", "suppressed").containsEntry("TH", 12);
        assertThat(at(body, "unrepatriated", "byDaysWaiting")).isEqualTo(Map.of("0-7", 12, "8-30", 8, "31-90", 0, "90+", 0));
        assertThat(at(body, "audience", "suppressed")).isEqualTo(true);
        assertThat(at(body, "audience", "threshold")).isEqualTo(5);
    }

    @Test
    void anEmbassyReadsItsOwnNationalsOnly() {
        Map<String, Object> body = SnapshotBody.build(EMBASSY_TH, COMPOUNDS, DAYS, TODAY, 90, 5);
        assertThat(at(body, "unrepatriated", "byNationality")).isEqualTo(Map.of("TH", 12));
        assertThat(compound(body, "poipet")).containsEntry("total", 0);
        assertThat(compound(body, "gwp")).containsEntry("total", 12);
        assertThat(at(body, "audience", "nationality")).isEqualTo("TH");
    }

    @Test
    void theTimelineCoversTheLastDaysOnlyAndTheRegistryCarriesNoCoordinates() {
        Map<String, Object> body = SnapshotBody.build(MONITOR, COMPOUNDS, DAYS, TODAY, 90, 5);
        assertThat(at(body, "timeline", "from")).isEqualTo(day(89));
        assertThat(at(body, "timeline", "to")).isEqualTo(TODAY.toString());
        List<Map<String, Object>> days = as(at(body, "timeline", "days"));
        assertThat(days).extracting(d -> d.get("day")).containsExactly(day(20), day(10), day(3));
        assertThat(days.get(2)).containsEntry("escapes", 12).containsEntry("operatorArrests", 1);
        assertThat(compound(body, "gwp")).doesNotContainKeys("latitude", "longitude", "byNationality")
                .containsEntry("name", "Great Wall Park").containsEntry("estimated", Map.of("min", 150, "max", 250,
                        "reportedOn", TODAY.minusDays(5).toString()));
    }
}
