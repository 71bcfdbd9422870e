package org.casetrack.casefiles.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/** Reads the projection's tables straight from PostgreSQL, for assertions, and writes rows a test sets up. */
public final class DerivedRows {
    private final DataSource dataSource;

    public DerivedRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A history row's identity and where it came from. */
    public record EventRow(String eventId, String aggregateId, long sequence, int partition, long offset) {
    }

    public long count(String table) {
        return query("SELECT count(*) FROM " + table, rs -> rs.getLong(1)).get(0);
    }

    /** 0 when the schema or table does not exist yet (the projector migrates on first use). */
    public long countIfExists(String table) {
        if (query("SELECT to_regclass('" + table + "') IS NOT NULL", rs -> rs.getBoolean(1)).get(0)) {
            return count(table);
        }
        return 0;
    }

    public List<EventRow> caseEvents() {
        return query("SELECT event_id, case_id, sequence, source_partition, source_offset FROM derived.case_events ORDER BY case_id, sequence",
                rs -> new EventRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getLong(5)));
    }

    public List<EventRow> compoundEvents() {
        return query("SELECT event_id, compound_id, sequence, source_partition, source_offset FROM derived.compound_events"
                + " ORDER BY compound_id, sequence", rs -> new EventRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getLong(5)));
    }

    public Map<TopicPartition, Long> offsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        query("SELECT topic, partition, next_offset FROM derived.casefiles_offsets", rs -> offsets.put(
                new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3)));
        return offsets;
    }

    /** Every row of a table as text, in a total order, for row-by-row comparison. */
    public List<String> dump(String table, String orderBy) {
        return query("SELECT * FROM " + table + " ORDER BY " + orderBy, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
            }
            return row.toString();
        });
    }

    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** @return the rows the statement changed */
    public int update(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }

    public <T> List<T> query(String sql, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }
}
