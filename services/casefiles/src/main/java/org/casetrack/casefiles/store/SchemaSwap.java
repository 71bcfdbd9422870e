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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.casetrack.access.db.DatabaseException;

/**
 * The rebuild's schema work: a fresh {@code derived_next} without its secondary indexes (nor the
 * keys of the cases and history tables) while it loads, indexed and analyzed once at the end (over several
 * connections); then, in one transaction, casefiles's tables moved from it into {@code derived} in place of the live ones. Only casefiles's
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
    /**
     * Loaded without their keys, which are built at the end: the history tables are written only by
     * COPY, and the cases by COPY too unless a reader spills ({@link #keyForUpserts} builds that key
     * at the first spill). Keeping the key of the cases during the load doubled PostgreSQL's part of
     * their COPY.
     */
    private static final List<String> KEYED_AT_END = List.of("cases", "case_events", "compound_events");
    /** The storage parameter that keeps autovacuum off the loading tables until the swap. */
    private static final String AUTOVACUUM = "autovacuum_enabled";
    /** The table whose key a spill needs for its upserts and read-backs. */
    private static final String SPILLED = "cases";
    /** PostgreSQL's notice "relation already exists, skipping" after {@code CREATE INDEX IF NOT EXISTS}. */
    private static final String ALREADY_EXISTS = "42P07";

    private SchemaSwap() {
    }

    /**
     * What {@link #prepare} took off {@code derived_next} for the load and {@link #index} puts back:
     * index builds (the keys' unique indexes among them), then one ANALYZE per table, then the keys
     * attached to their indexes.
     */
    public record Indexing(List<Build> builds, List<String> analyses, List<String> keys) {
        public Indexing {
            builds = List.copyOf(builds);
            analyses = List.copyOf(analyses);
            keys = List.copyOf(keys);
        }

        /** The builds of the unique indexes behind the keys of one table. */
        List<String> keyBuilds(String table) {
            return builds.stream().filter(b -> b.table().equals(table) && b.key()).map(Build::statement).toList();
        }
    }

    /** One index build: the table it reads, the index it makes, and whether that is a key's unique index (built if not there yet). */
    public record Build(String table, String index, String statement, boolean key) {
    }

    /**
     * Drops what an interrupted rebuild left, creates {@code derived_next} with casefiles's tables,
     * drops the indexes a bulk load does not need and keeps autovacuum off the tables until {@link #swap}.
     *
     * @return how to build those indexes again ({@link #index})
     */
    public static Indexing prepare(DataSource dataSource) {
        execute(dataSource, "Preparing " + NEXT, List.of("DROP SCHEMA IF EXISTS " + NEXT + " CASCADE"));
        DerivedDatabase.migrate(dataSource, NEXT);
        List<String> preparing = new ArrayList<>();
        List<Build> builds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = '" + NEXT
                    + "' AND i.tablename IN (" + quoted(LOADED) + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                    + " WHERE k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)")) {
                while (rs.next()) {
                    preparing.add("DROP INDEX " + NEXT + "." + rs.getString(2));
                    builds.add(new Build(rs.getString(1), rs.getString(2), rs.getString(3), false));
                }
            }
            // a key comes back as its unique index, built like the others (side by side with them) unless a
            // spill built it already, then attached to the table as the constraint, which only takes a moment
            try (ResultSet rs = s.executeQuery("SELECT t.relname, k.conname, k.contype, pg_get_indexdef(k.conindid)"
                    + " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid WHERE k.connamespace = '" + NEXT + "'::regnamespace"
                    + " AND k.contype IN ('p', 'u') AND t.relname IN (" + quoted(KEYED_AT_END) + ")")) {
                while (rs.next()) {
                    String table = NEXT + "." + rs.getString(1);
                    String name = rs.getString(2);
                    preparing.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    builds.add(new Build(rs.getString(1), name, rs.getString(4).replaceFirst("^CREATE UNIQUE INDEX ",
                            "CREATE UNIQUE INDEX IF NOT EXISTS "), true));
                    keys.add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + ("p".equals(rs.getString(3)) ? " PRIMARY KEY" : " UNIQUE")
                            + " USING INDEX " + name);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Reading the indexes of " + NEXT, e);
        }
        // analyzed at the end, so the first searches after the swap are planned on real statistics (an
        // unlogged load made logged at the end was tried: writing the tables to the WAL then cost more than it saved)
        List<String> analyses = LOADED.stream().map(table -> "ANALYZE " + NEXT + "." + table).toList();
        // autovacuum would take up freshly loaded tables (the rebuilt case_events, once, as the swap began,
        // which then waited for it); the rebuild analyzes them itself, and the swap gives them back to autovacuum
        LOADED.forEach(table -> preparing.add("ALTER TABLE " + NEXT + "." + table + " SET (" + AUTOVACUUM + " = false, toast." + AUTOVACUUM
                + " = false)"));
        execute(dataSource, "Preparing the tables of " + NEXT + " for the load", preparing);
        return new Indexing(builds, analyses, keys);
    }

    /**
     * Builds the indexes {@link #prepare} dropped over up to {@code connections} connections at once,
     * those of the largest tables first (index builds of one table do not block each other), then
     * analyzes the tables the same way, then attaches the keys in one transaction. Each build commits
     * on its own: a failure leaves {@code derived_next} half indexed, and the next rebuild drops it.
     *
     * @param progress gets a line as each build and analysis ends, saying what it did and how long it took
     */
    public static void index(DataSource dataSource, Indexing indexing, int connections, Consumer<String> progress) {
        Map<String, Long> sizes = sizes(dataSource);
        Comparator<String> largestFirst = Comparator.comparing((String table) -> sizes.getOrDefault(table, 0L)).reversed();
        List<Step> builds = indexing.builds().stream().sorted(Comparator.comparing(Build::table, largestFirst))
                .map(b -> new Step("built " + b.index() + " on " + b.table(), b.statement(),
                        "found " + b.index() + " on " + b.table() + " already built (for a reader's spill)")).toList();
        inParallel(dataSource, "Indexing " + NEXT, builds, connections, progress);
        List<Step> analyses = indexing.analyses().stream().map(sql -> new Step("ran " + sql, sql)).toList();
        inParallel(dataSource, "Analyzing " + NEXT, analyses, connections, progress);
        execute(dataSource, "Attaching the keys of " + NEXT, indexing.keys());
    }

    /**
     * A statement of {@link #index} and what it did, in the past tense, for the progress line:
     * {@code done}, or {@code found} when it was a key's {@code IF NOT EXISTS} build and the index was
     * already there.
     */
    private record Step(String done, String sql, String found) {
        /** A statement that does the same whatever is there. */
        Step(String done, String sql) {
            this(done, sql, done);
        }
    }

    /**
     * Builds the unique index behind the key of the cases in {@code derived_next}, if it is not there
     * yet: a reader that spills cases upserts them and reads them back by it. It runs on a connection
     * of its own, which waits for any other reader's transaction writing the cases to end; the
     * spilling reader's own transaction has not touched the cases yet (its first spill comes before
     * any read-back), so the two cannot deadlock.
     */
    public static void keyForUpserts(DataSource dataSource, Indexing indexing) {
        execute(dataSource, "Building the key of " + NEXT + "." + SPILLED + " for a spill", indexing.keyBuilds(SPILLED));
    }

    private static Map<String, Long> sizes(DataSource dataSource) {
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
        return sizes;
    }

    /**
     * Runs the statements, each committing on its own, over up to {@code connections} connections, in
     * list order as they free up, telling {@code progress} of each as it ends.
     */
    private static void inParallel(DataSource dataSource, String operation, List<Step> steps, int connections, Consumer<String> progress) {
        int threads = Math.max(1, Math.min(connections, steps.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "casefiles-rebuild-index"));
        try {
            ConcurrentLinkedQueue<Step> queue = new ConcurrentLinkedQueue<>(steps);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                        for (Step step = queue.poll(); step != null; step = queue.poll()) {
                            long started = System.nanoTime();
                            s.clearWarnings();
                            s.execute(step.sql());
                            boolean found = s.getWarnings() != null && ALREADY_EXISTS.equals(s.getWarnings().getSQLState());
                            progress.accept(String.format(Locale.ROOT, "%s in %.1f s", found ? step.found() : step.done(),
                                    (System.nanoTime() - started) / 1e9));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw new DatabaseException(operation, sql);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(operation, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + operation, e);
        } finally {
            pool.shutdownNow();
        }
    }

    public static void swap(DataSource dataSource) {
        String live = DerivedDatabase.SCHEMA;
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA IF NOT EXISTS " + live);
        statements.add("SET LOCAL lock_timeout = '60s'");
        statements.add(lockLiveTables(live));
        for (String table : TABLES) {
            statements.add("DROP TABLE IF EXISTS " + live + "." + table);
            statements.add("ALTER TABLE " + NEXT + "." + table + " SET SCHEMA " + live);
        }
        LOADED.forEach(table -> statements.add("ALTER TABLE " + live + "." + table + " RESET (" + AUTOVACUUM + ", toast." + AUTOVACUUM + ")"));
        statements.add("DROP SCHEMA " + NEXT);
        execute(dataSource, "Swapping the rebuilt tables into " + live, statements);
    }

    /**
     * Locks every live table before anything is dropped, the offsets table first. A table just
     * written by the live projector is often being vacuumed by autovacuum, which gives way to a
     * waiting lock only after {@code deadlock_timeout} (1 s), once per table. So the lock is tried
     * without waiting, and each time autovacuum holds one of these tables, that worker is cancelled
     * (they are about to be dropped) when the role may signal it; after about a second of tries the
     * lock is awaited as usual, within the transaction's lock_timeout.
     */
    private static String lockLiveTables(String live) {
        String names = quoted(TABLES.stream().map(t -> live + "." + t).toList());
        return "DO $$\n"
                + "DECLARE\n"
                + "  live regclass[];\n"
                + "  tables text;\n"
                + "BEGIN\n"
                + "  SELECT array_agg(to_regclass(n) ORDER BY o), string_agg(n, ', ' ORDER BY o) INTO live, tables\n"
                + "    FROM unnest(ARRAY[" + names + "]) WITH ORDINALITY AS t(n, o) WHERE to_regclass(n) IS NOT NULL;\n"
                + "  IF tables IS NULL THEN RETURN; END IF;\n"
                + "  FOR attempt IN 1..50 LOOP\n"
                + "    BEGIN\n"
                + "      EXECUTE 'LOCK TABLE ' || tables || ' IN ACCESS EXCLUSIVE MODE NOWAIT';\n"
                + "      RETURN;\n"
                + "    EXCEPTION WHEN lock_not_available THEN\n"
                + "      BEGIN\n"
                + "        PERFORM pg_cancel_backend(a.pid) FROM pg_stat_activity a\n"
                + "          WHERE a.backend_type = 'autovacuum worker'\n"
                + "            AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.relation = ANY (live));\n"
                + "      EXCEPTION WHEN insufficient_privilege THEN NULL;\n"
                + "      END;\n"
                + "      PERFORM pg_sleep(0.02);\n"
                + "    END;\n"
                + "  END LOOP;\n"
                + "  EXECUTE 'LOCK TABLE ' || tables || ' IN ACCESS EXCLUSIVE MODE';\n"
                + "END $$";
    }

    /** Names as a list of SQL string literals (the names are this class's constants). */
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
