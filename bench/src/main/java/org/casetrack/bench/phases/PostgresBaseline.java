package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.casetrack.avro.CaseEvent;
import org.casetrack.bench.data.GeneratedEvent;
import org.casetrack.bench.load.Call;
import org.casetrack.bench.report.ProgressTap;

/**
 * The same events as a system without Kafka would keep them: one plain, indexed events table, filled
 * with batched inserts (1,000 rows a statement, one transaction each, like a projector), and the same
 * counts computed with SQL at query time: victims per compound (a case counts under the compound it was
 * last placed in) and unrepatriated by nationality (open cases of persons who intend to return).
 */
public final class PostgresBaseline implements AutoCloseable {
    static final String TABLE = "bench_baseline.events";
    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (case_id, seq, type, compound_id, nationality, occurred_on, intends_to_return, recorded_at, body) VALUES (?,?,?,?,?,?,?,?,?)";
    static final String VICTIMS = "SELECT count(*) FROM " + TABLE + " e WHERE e.compound_id = ?"
            + " AND e.type IN ('EscapeReported', 'CaseCompoundIdentified')"
            + " AND NOT EXISTS (SELECT 1 FROM " + TABLE + " l WHERE l.case_id = e.case_id AND l.type = 'CaseCompoundIdentified' AND l.seq > e.seq)";
    static final String UNREPATRIATED = "SELECT e.nationality, count(*) FROM " + TABLE + " e"
            + " WHERE e.type = 'EscapeReported' AND e.intends_to_return"
            + " AND NOT EXISTS (SELECT 1 FROM " + TABLE + " r WHERE r.case_id = e.case_id AND r.type IN ('RepatriationCompleted', 'CaseClosed'))"
            + " GROUP BY e.nationality";

    public static String victimsSql() {
        return VICTIMS;
    }

    public static String unrepatriatedSql() {
        return UNREPATRIATED;
    }

    public record Loaded(long events, Duration took, List<ProgressTap.Point> rates) {
        public double perSecond() {
            return events / Math.max(1e-3, took.toNanos() / 1e9);
        }
    }

    private final String jdbcUrl;
    private final PrintStream out;
    private final List<Connection> opened = new ArrayList<>();
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    public PostgresBaseline(String jdbcUrl, PrintStream out) {
        this.jdbcUrl = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        this.out = out;
    }

    public Loaded load(Iterator<GeneratedEvent> events, long total, Function<CaseEvent, byte[]> serializer) throws SQLException {
        List<ProgressTap.Point> rates = new ArrayList<>();
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS bench_baseline");
                s.execute("DROP TABLE IF EXISTS " + TABLE);
                s.execute("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, case_id uuid NOT NULL, seq bigint NOT NULL,"
                        + " type text NOT NULL, compound_id text, nationality text NOT NULL, occurred_on date NOT NULL,"
                        + " intends_to_return boolean NOT NULL, recorded_at timestamptz NOT NULL, body bytea NOT NULL, UNIQUE (case_id, seq))");
                s.execute("CREATE INDEX ON " + TABLE + " (compound_id) WHERE compound_id IS NOT NULL");
                s.execute("CREATE INDEX ON " + TABLE + " (type)");
            }
            c.setAutoCommit(false);
            out.printf("postgres: inserting %d events into %s, %d rows a batch%n", total, TABLE, BATCH);
            long started = System.nanoTime(), lastPrint = started, lastCount = 0, count = 0;
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                while (events.hasNext()) {
                    GeneratedEvent e = events.next();
                    insert.setObject(1, UUID.fromString(e.caseId()));
                    insert.setLong(2, e.sequence());
                    insert.setString(3, e.type());
                    insert.setString(4, e.compoundId());
                    insert.setString(5, e.nationality());
                    insert.setObject(6, e.occurredOn());
                    insert.setBoolean(7, e.intendsToReturn());
                    insert.setTimestamp(8, Timestamp.from(e.event().getMetadata().getRecordedAt()));
                    insert.setBytes(9, serializer.apply(e.event()));
                    insert.addBatch();
                    if (++count % BATCH == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                    long now = System.nanoTime();
                    if (now - lastPrint > 1_000_000_000L) {
                        double seconds = (now - started) / 1e9;
                        rates.add(new ProgressTap.Point(seconds, Math.round((count - lastCount) / ((now - lastPrint) / 1e9))));
                        out.printf(Locale.ROOT, "postgres: %d of %d events (%.0f%%), %.0f events/s%n", count, total, 100.0 * count / total,
                                count / seconds);
                        lastPrint = now;
                        lastCount = count;
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + TABLE);
            }
            out.printf(Locale.ROOT, "postgres: %d events in %.1f s%n", count, took.toMillis() / 1000.0);
            return new Loaded(count, took, rates);
        }
    }

    /** Victims of one compound, as a query of the events table. */
    public Call victims(List<String> compoundsByPopularity) {
        return index -> {
            try (PreparedStatement q = connection().prepareStatement(VICTIMS)) {
                q.setString(1, compoundsByPopularity.get((int) (index % compoundsByPopularity.size())));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    rs.getLong(1);
                }
            }
            return 200;
        };
    }

    /** Unrepatriated persons by nationality, as a query of the events table. */
    public Call unrepatriated() {
        return index -> {
            try (Statement q = connection().createStatement(); ResultSet rs = q.executeQuery(UNREPATRIATED)) {
                while (rs.next()) {
                    rs.getLong(2);
                }
            }
            return 200;
        };
    }

    private Connection connection() throws SQLException {
        Connection c = connections.get();
        if (c == null) {
            c = connect();
            connections.set(c);
            synchronized (opened) {
                opened.add(c);
            }
        }
        return c;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException e) {
                    out.println("postgres: closing a query connection failed: " + e.getSQLState());
                }
            }
            opened.clear();
        }
    }
}
