package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.casetrack.access.db.DatabaseException;

/**
 * The rebuild's schema work: a fresh {@code derived_next} without its secondary indexes (nor the
 * history tables' keys) while it loads, indexed and analyzed once at the end; then, in one transaction,
 * casefiles's tables moved from it into {@code derived} in place of the live ones. Only casefiles's
 * own tables move ({@code derived} is shared by design: other modules may keep rebuildable tables
 * there), and nothing in {@code primary} is touched. The swap first locks the offsets table, so a
 * live projector's next batch waits until the swap is done and is then fenced by the rebuilt offsets.
 */
public final class SchemaSwap {
    public static final String NEXT = "derived_next";
    /** Offsets first: the lock every projector batch takes first too. */
    static final List<String> TABLES = List.of("casefiles_offsets", "cases", "case_consents", "case_events", "compounds",
            "compound_events", "flyway_" + DerivedDatabase.MODULE + "_history");
    private static final List<String> LOADED = List.of("cases", "case_consents", "case_events", "compounds", "compound_events");
    /** Written only by COPY during a rebuild, so their keys can wait until the end. */
    private static final List<String> APPEND_ONLY = List.of("case_events", "compound_events");

    private SchemaSwap() {
    }

    /**
     * What the load left out, to be made at the end: the indexes (the history tables' keys among them,
     * built as plain unique indexes), the keys to attach to those, and the tables to analyze.
     */
    public record Indexing(List<Index> indexes, List<String> constraints, List<String> tables) {
    }

    /** One index to build: its table ({@code derived_next.<name>}) and its CREATE INDEX statement. */
    public record Index(String table, String create) {
    }

    /**
     * Drops what an interrupted rebuild left, creates {@code derived_next} with casefiles's tables and
     * drops the indexes a bulk load does not need.
     *
     * @return what builds those indexes again ({@link #index})
     */
    public static Indexing prepare(DataSource dataSource) {
        execute(dataSource, "Preparing " + NEXT, List.of("DROP SCHEMA IF EXISTS " + NEXT + " CASCADE"));
        DerivedDatabase.migrate(dataSource, NEXT);
        List<String> drop = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = '"
                    + NEXT + "' AND i.tablename IN (" + quoted(LOADED) + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                    + " WHERE k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)")) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + NEXT + "." + rs.getString(2));
                    indexes.add(new Index(rs.getString(1), rs.getString(3)));
                }
            }
            // a key is built as a unique index like any other (so all of them can be built side by side)
            // and then attached to its table, which takes a moment
            try (ResultSet rs = s.executeQuery("SELECT t.relname, k.conname, k.contype, pg_get_indexdef(k.conindid)"
                    + " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid WHERE k.connamespace = '" + NEXT + "'::regnamespace"
                    + " AND k.contype IN ('p', 'u') AND t.relname IN (" + quoted(APPEND_ONLY) + ")")) {
                while (rs.next()) {
                    String table = NEXT + "." + rs.getString(1);
                    drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(2));
                    indexes.add(new Index(rs.getString(1), rs.getString(4)));
                    constraints.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(2)
                            + ("p".equals(rs.getString(3)) ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Reading the indexes of " + NEXT, e);
        }
        // analyzed at the end, so the first searches after the swap are planned on real statistics (an
        // unlogged load made logged at the end was tried: writing the tables to the WAL then cost more than it saved)
        execute(dataSource, "Dropping the indexes of " + NEXT + " for the load", drop);
        return new Indexing(List.copyOf(indexes), List.copyOf(constraints), LOADED);
    }

    /**
     * Builds the indexes {@link #prepare} dropped on up to {@code connections} connections at once, those
     * of the largest tables first (PostgreSQL builds one index per connection; two builds on one table
     * share its lock), and analyzes the tables (an analysis waits for the index builds of its table),
     * then attaches the keys. Nothing reads {@code derived_next} until the swap, so the steps need not
     * be one transaction: a failure fails the rebuild, and the next one starts over from {@link #prepare}.
     */
    public static void index(DataSource dataSource, Indexing indexing, int connections) {
        Map<String, Long> sizes = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c"
                     + " WHERE c.relnamespace = '" + NEXT + "'::regnamespace AND c.relkind = 'r'")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new DatabaseException("Reading the table sizes of " + NEXT, e);
        }
        Comparator<String> largestFirst = Comparator.comparingLong((String table) -> sizes.getOrDefault(table, 0L)).reversed();
        List<String> statements = new ArrayList<>();
        indexing.indexes().stream().sorted(Comparator.comparing(Index::table, largestFirst)).forEach(i -> statements.add(i.create()));
        indexing.tables().stream().sorted(largestFirst).forEach(table -> statements.add("ANALYZE " + NEXT + "." + table));
        inParallel(dataSource, "Indexing and analyzing " + NEXT, statements, connections);
        execute(dataSource, "Attaching the keys of " + NEXT, indexing.constraints());
    }

    /** Runs each statement in a transaction of its own, on up to {@code connections} connections at once, in order. */
    private static void inParallel(DataSource dataSource, String operation, List<String> statements, int connections) {
        Queue<String> queue = new ConcurrentLinkedQueue<>(statements);
        int workers = Math.max(1, Math.min(connections, statements.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "casefiles-rebuild-index"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> {
                    for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
                        execute(dataSource, operation, List.of(sql));
                    }
                }));
            }
            RuntimeException failure = null;
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    queue.clear();
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(operation + " failed", e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + operation.toLowerCase(Locale.ROOT), e);
        } finally {
            pool.shutdownNow();
        }
    }

    public static void swap(DataSource dataSource) {
        String live = DerivedDatabase.SCHEMA;
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA IF NOT EXISTS " + live);
        statements.add("SET LOCAL lock_timeout = '60s'");
        statements.add("DO $$ BEGIN IF to_regclass('" + live + ".casefiles_offsets') IS NOT NULL THEN"
                + " LOCK TABLE " + live + ".casefiles_offsets IN ACCESS EXCLUSIVE MODE; END IF; END $$");
        for (String table : TABLES) {
            statements.add("DROP TABLE IF EXISTS " + live + "." + table);
            statements.add("ALTER TABLE " + NEXT + "." + table + " SET SCHEMA " + live);
        }
        statements.add("DROP SCHEMA " + NEXT);
        execute(dataSource, "Swapping the rebuilt tables into " + live, statements);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static void execute(DataSource dataSource, String operation, List<String> statements) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(operation, e);
        }
    }
}
