package org.casetrack.views.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.views.Events.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casetrack.avro.DayCounts;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.UnrepatriatedView;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline counts facts on their world dates; the pushed days-waiting buckets move with the calendar. */
class TimelineAndCalendarTopologyTest {
    static final LocalDate DEC_1 = LocalDate.of(2025, 12, 1);
    static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    static final LocalDate JAN_17 = LocalDate.of(2026, 1, 17);
    TopologyHarness h;

    @BeforeEach
    void start() throws Exception {
        // 23:00 on 19 January in Phnom Penh (UTC+7)
        h = new TopologyHarness(Instant.parse("2026-01-19T16:00:00Z"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aReportArrivingWeeksLateCountsOnTheDayItHappened() {
        h.caseEvent(escape("c1", "gwp", "TH", JAN_17));
        h.caseEvent(escape("c2", "gwp", "VN", DEC_1));
        h.caseEvent(repatriated("c1", JAN_17));
        h.caseEvent(arrested("c2", JAN_5, DetentionType.IMMIGRATION));

        assertThat(h.timeline().get("2025-12-01").getByNationality()).containsExactly(Map.entry("VN", new DayCounts(1, 0, 0)));
        assertThat(h.timeline().get("2026-01-05").getByNationality()).containsExactly(Map.entry("VN", new DayCounts(0, 0, 1)));
        assertThat(h.timeline().get("2026-01-17").getByNationality()).containsExactly(Map.entry("TH", new DayCounts(1, 1, 0)));
        assertThat(TopologyHarness.latest(h.timelineView)).containsKeys("2025-12-01", "2026-01-05", "2026-01-17");
    }

    @Test
    void discoveriesAndOperatorArrestsCountOnTheirDays() {
        h.compoundEvent(discovered("gwp", "Great Wall Park", JAN_5));
        h.compoundEvent(discovered("poipet-new", "New compound near Poipet", JAN_5));
        h.compoundEvent(operatorArrested("gwp", JAN_17));
        h.compoundEvent(operatorArrested("gwp", JAN_17));

        assertThat(h.timeline().get("2026-01-05").getDiscoveries()).isEqualTo(2);
        assertThat(h.timeline().get("2026-01-17").getOperatorArrests()).isEqualTo(2);
        TimelineDay pushed = TopologyHarness.latest(h.timelineView).get("2026-01-17");
        assertThat(pushed.getOperatorArrests()).isEqualTo(2);
    }

    @Test
    void correctedEscapeDateAndNationalityMoveTheCaseOnTheTimeline() {
        h.caseEvent(escape("c1", "gwp", "TH", DEC_1));
        h.caseEvent(corrected("c1", "escapedOn", "2026-01-05", "2025-12-01"));
        h.caseEvent(corrected("c1", "nationality", "LA", "TH"));

        assertThat(h.timeline().get("2025-12-01").getByNationality()).isEmpty();
        assertThat(h.timeline().get("2026-01-05").getByNationality()).containsExactly(Map.entry("LA", new DayCounts(1, 0, 0)));
    }

    @Test
    void theCalendarMovesTheDaysWaitingBucketsWithoutAnyEvent() {
        h.caseEvent(escape("c1", "gwp", "TH", LocalDate.of(2026, 1, 12)));
        UnrepatriatedView before = TopologyHarness.latest(h.unrepatriatedView).get("all");
        assertThat(before.getAsOf()).isEqualTo(LocalDate.of(2026, 1, 19));
        assertThat(before.getByDaysWaiting()).containsEntry("0-7", 1).containsEntry("8-30", 0);

        // 23:00 -> 00:30 in Phnom Penh: 20 January, the case has waited 8 days
        h.passTime(Duration.ofMinutes(90));

        List<TestRecord<String, UnrepatriatedView>> emitted = h.unrepatriatedView.readRecordsToList();
        assertThat(emitted).hasSize(1);
        UnrepatriatedView after = emitted.get(0).value();
        assertThat(after.getAsOf()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(after.getByDaysWaiting()).containsEntry("0-7", 0).containsEntry("8-30", 1);

        h.passTime(Duration.ofHours(2));
        assertThat(h.unrepatriatedView.isEmpty()).as("re-emitted once per day, not on every check").isTrue();
    }

    @Test
    void correctedEscapeDateMovesTheCaseBetweenBuckets() {
        h.caseEvent(escape("c1", "gwp", "TH", LocalDate.of(2026, 1, 15)));
        h.caseEvent(corrected("c1", "escapedOn", "2025-10-01", "2026-01-15"));

        UnrepatriatedView view = TopologyHarness.latest(h.unrepatriatedView).get("all");
        assertThat(view.getByDaysWaiting()).containsEntry("0-7", 0).containsEntry("90+", 1);
        assertThat(view.getByEscapeDate()).containsExactly(Map.entry("2025-10-01", 1));
    }
}
