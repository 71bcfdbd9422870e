package org.casetrack.casefiles.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The swap takes every live table's lock before it drops one: it gets them at once when nothing
 * holds them, and waits for a reader that does (trying without waiting first, then queueing), so a
 * search in progress finishes on the old tables and the swap then completes.
 */
@ExtendWith(DevStackExtension.class)
class SchemaSwapTest {

    @Test
    void theSwapWaitsForAReaderOfTheLiveTablesAndThenReplacesThem(TestScope scope) throws Exception {
        try (HikariDataSource pool = Pools.pool(scope.jdbcUrl())) {
            DerivedDatabase.migrate(pool, DerivedDatabase.SCHEMA);
            DerivedRows rows = new DerivedRows(pool);
            rows.update("INSERT INTO derived.compounds (compound_id, version, name, country, status, facts) VALUES ('compound-live', 1, 'n', 'KH', 'ACTIVE', '{}')");
            SchemaSwap.prepare(pool);
            assertThat(autovacuumOff(rows, "derived_next")).as("tables and their toast tables loading without autovacuum")
                    .containsExactly(10L);

            try (Connection reader = pool.getConnection(); Statement s = reader.createStatement()) {
                reader.setAutoCommit(false);
                s.executeQuery("SELECT count(*) FROM derived.cases").close();
                CompletableFuture<Void> swap = CompletableFuture.runAsync(() -> SchemaSwap.swap(pool));
                Thread.sleep(1500);
                assertThat(swap).as("the swap waits while a reader holds a live table, past its tries without waiting").isNotDone();
                assertThat(rows.count("derived.compounds")).isEqualTo(1);
                reader.commit();
                swap.get(30, TimeUnit.SECONDS);
            }
            assertThat(rows.count("derived.compounds")).as("the rebuilt (empty) tables are live").isZero();
            assertThat(rows.query("SELECT count(*) FROM pg_namespace WHERE nspname = 'derived_next'", rs -> rs.getLong(1)))
                    .containsExactly(0L);
            assertThat(autovacuumOff(rows, "derived")).as("the swapped-in tables are autovacuum's again").containsExactly(0L);

            SchemaSwap.prepare(pool);
            SchemaSwap.swap(pool);
            assertThat(rows.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'derived'", rs -> rs.getLong(1)))
                    .as("a swap with nothing in the way").containsExactly((long) SchemaSwap.TABLES.size());
        }
    }

    /** Tables of the schema, and their toast tables, with autovacuum turned off by a storage parameter. */
    private static List<Long> autovacuumOff(DerivedRows rows, String schema) {
        return rows.query("SELECT count(*) FROM pg_class t LEFT JOIN pg_class toast ON toast.oid = t.reltoastrelid"
                + " CROSS JOIN LATERAL (VALUES (t.reloptions), (toast.reloptions)) AS o(options)"
                + " WHERE t.relnamespace = '" + schema + "'::regnamespace AND t.relkind = 'r'"
                + " AND 'autovacuum_enabled=false' = ANY (o.options)", rs -> rs.getLong(1));
    }
}
