package org.casetrack.casefiles.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.ServiceType;
import org.casetrack.casefiles.support.CaseScript;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One batch, one transaction, fenced by the offset it started from: on real PostgreSQL. */
@ExtendWith(DevStackExtension.class)
class BatchWriterTest {
    private static HikariDataSource pool;
    private static BatchWriter writer;
    private static DerivedRows rows;

    @BeforeAll
    static void migrate(TestScope scope) {
        pool = Pools.pool(scope.jdbcUrl());
        new DerivedDatabase(pool).ensureMigrated();
        writer = new BatchWriter(pool, DerivedDatabase.SCHEMA);
        rows = new DerivedRows(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void aBatchCommitsItsRowsAndMovesItsOffsetTogether() {
        TopicPartition p = new TopicPartition("t1-case-events", 0);
        assertThat(writer.claim(List.of(p))).containsEntry(p, 0L);
        CaseScript c = caseOf(3);

        writer.apply(batch(p, 0, 5, c.events()), r -> { });

        assertThat(writer.claim(List.of(p))).containsEntry(p, 5L);
        assertThat(eventIdsOf(c.caseId())).containsExactlyElementsOf(c.events().stream().map(e -> e.getMetadata().getEventId().toString()).toList());
        assertThat(rows.query("SELECT version, needs::text FROM derived.cases WHERE case_id = '" + c.caseId() + "'",
                rs -> rs.getLong(1) + " " + rs.getString(2))).containsExactly("3 {MEDICAL,SHELTER}");
    }

    @Test
    void aProjectorWhoseOffsetWasMovedByAnotherCommitsNothing() {
        TopicPartition p = new TopicPartition("t2-case-events", 0);
        writer.claim(List.of(p));
        CaseScript c = caseOf(3);
        List<CaseEvent> first = c.events().subList(0, 2);
        writer.apply(batch(p, 0, 2, first), r -> { });

        // a zombie that read offset 0 before the other projector committed tries the same records and one more
        assertThatThrownBy(() -> writer.apply(batch(p, 0, 3, c.events()), r -> { })).isInstanceOf(FencedException.class);

        assertThat(writer.claim(List.of(p))).containsEntry(p, 2L);
        assertThat(eventIdsOf(c.caseId())).hasSize(2);
        assertThat(rows.query("SELECT version FROM derived.cases WHERE case_id = '" + c.caseId() + "'", rs -> rs.getLong(1)))
                .containsExactly(2L);
    }

    @Test
    void aFailureBeforeTheCommitLeavesRowsAndOffsetsAsTheyWere() {
        TopicPartition p = new TopicPartition("t3-case-events", 0);
        writer.claim(List.of(p));
        CaseScript c = caseOf(2);

        assertThatThrownBy(() -> writer.apply(batch(p, 0, 2, c.events()), r -> {
            throw new IllegalStateException("dead letters unavailable");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(writer.claim(List.of(p))).containsEntry(p, 0L);
        assertThat(eventIdsOf(c.caseId())).isEmpty();
        assertThat(rows.count("derived.cases WHERE case_id = '" + c.caseId() + "'")).isZero();
    }

    @Test
    void replayedEventsChangeNothingAndAnEventOfAnUnopenedCaseIsRejected() {
        TopicPartition p = new TopicPartition("t4-case-events", 0);
        writer.claim(List.of(p));
        CaseScript c = caseOf(3);
        writer.apply(batch(p, 0, 3, c.events()), r -> { });
        String before = rows.query("SELECT facts::text FROM derived.cases WHERE case_id = '" + c.caseId() + "'", rs -> rs.getString(1)).get(0);
        CaseScript orphan = CaseScript.of(CaseScript.OPAQUE).escaped("TH", LocalDate.of(2026, 1, 3), null)
                .then(ReferralMade.newBuilder().setService(ServiceType.LEGAL).setTo("LPN").setReferredOn(LocalDate.of(2026, 1, 4)).build());

        List<CaseEvent> replay = new ArrayList<>(c.events());
        replay.add(orphan.events().get(1));
        List<Batch.Rejected> rejected = writer.apply(batch(p, 3, 7, replay), r -> { });

        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).error()).hasMessageContaining(orphan.caseId());
        assertThat(eventIdsOf(c.caseId())).hasSize(3);
        assertThat(rows.query("SELECT facts::text FROM derived.cases WHERE case_id = '" + c.caseId() + "'", rs -> rs.getString(1)))
                .containsExactly(before);
        assertThat(writer.claim(List.of(p))).containsEntry(p, 7L);
    }

    private static CaseScript caseOf(int events) {
        CaseScript c = CaseScript.of(CaseScript.OPAQUE).escaped("TH", LocalDate.of(2026, 1, 17), null);
        ServiceType[] services = {ServiceType.MEDICAL, ServiceType.SHELTER, ServiceType.MEDICAL};
        for (int i = 1; i < events; i++) {
            c.then(ReferralMade.newBuilder().setService(services[i - 1]).setTo("Shelter " + i).setReferredOn(LocalDate.of(2026, 1, 18)).build());
        }
        return c;
    }

    private static Batch batch(TopicPartition p, long expected, long next, List<CaseEvent> events) {
        List<Batch.Projected<CaseEvent>> projected = new ArrayList<>();
        long offset = expected;
        for (CaseEvent e : events) {
            projected.add(new Batch.Projected<>(e, new ConsumerRecord<>(p.topic(), p.partition(), offset++,
                    e.getMetadata().getAggregateId(), new byte[0])));
        }
        return new Batch(projected, List.of(), List.of(new Batch.Fence(p, expected, next)));
    }

    private static List<String> eventIdsOf(String caseId) {
        return rows.query("SELECT event_id FROM derived.case_events WHERE case_id = '" + caseId + "' ORDER BY sequence", rs -> rs.getString(1));
    }

}
