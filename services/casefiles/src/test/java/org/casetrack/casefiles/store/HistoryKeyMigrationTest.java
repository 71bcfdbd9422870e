package org.casetrack.casefiles.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.casetrack.access.db.Migrations;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migration V4 on a database that already holds history (decision 0023): the rows stay, the tables
 * are keyed by aggregate and sequence and by nothing else, and a replayed event is still skipped.
 */
@ExtendWith(DevStackExtension.class)
class HistoryKeyMigrationTest {
    private static final String SCHEMA = "upgraded";

    @Test
    void historiesWrittenBeforeV4KeepTheirRowsAndAreKeyedByAggregateAndSequence(TestScope scope) {
        try (HikariDataSource pool = Pools.pool(scope.jdbcUrl())) {
            Migrations.configure(pool, "casefiles", SCHEMA).target("3").load().migrate();
            DerivedRows rows = new DerivedRows(pool);
            rows.update(caseEvent("11111111-1111-1111-1111-111111111111", "case-a", 1));
            rows.update(caseEvent("22222222-2222-2222-2222-222222222222", "case-a", 2));
            rows.update("INSERT INTO " + SCHEMA + ".compound_events (event_id, compound_id, sequence, event_type, command_id, recorded_at,"
                    + " organisation, principal, details, source_partition, source_offset) VALUES ('33333333-3333-3333-3333-333333333333',"
                    + " 'compound-a', 1, 'CompoundDiscovered', '44444444-4444-4444-4444-444444444444', now(), 'org', 'coordinator', '{}', 0, 0)");

            assertThat(Migrations.run(pool, "casefiles", SCHEMA)).as("V4 is the one migration left").isEqualTo(1);

            assertThat(rows.count(SCHEMA + ".case_events")).isEqualTo(2);
            assertThat(rows.count(SCHEMA + ".compound_events")).isEqualTo(1);
            assertThat(keys(rows, "case_events")).containsExactly("PRIMARY KEY (case_id, sequence)");
            assertThat(keys(rows, "compound_events")).containsExactly("PRIMARY KEY (compound_id, sequence)");
            assertThat(rows.query("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + SCHEMA + "' AND indexdef LIKE '%(event_id)%'",
                    rs -> rs.getLong(1))).as("no index on the event id is left").containsExactly(0L);

            assertThat(rows.update(caseEvent("55555555-5555-5555-5555-555555555555", "case-a", 2) + " ON CONFLICT DO NOTHING"))
                    .as("an event at a sequence the case already has is skipped").isZero();
            assertThat(rows.update(caseEvent("66666666-6666-6666-6666-666666666666", "case-a", 3) + " ON CONFLICT DO NOTHING"))
                    .isEqualTo(1);
        }
    }

    private static String caseEvent(String eventId, String caseId, long sequence) {
        return "INSERT INTO " + SCHEMA + ".case_events (event_id, case_id, sequence, event_type, command_id, recorded_at, organisation,"
                + " principal, details, source_partition, source_offset) VALUES ('" + eventId + "', '" + caseId + "', " + sequence
                + ", 'EscapeReported', '77777777-7777-7777-7777-777777777777', now(), 'org', 'coordinator', '{}', 0, " + sequence + ")";
    }

    /** The definitions of the table's primary key and unique constraints. */
    private static List<String> keys(DerivedRows rows, String table) {
        return rows.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '" + SCHEMA + "." + table
                + "'::regclass AND contype IN ('p', 'u')", rs -> rs.getString(1));
    }
}
