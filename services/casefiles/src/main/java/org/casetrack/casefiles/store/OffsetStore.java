package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The {@code casefiles_offsets} table of one schema: where the projection stands in each partition. */
final class OffsetStore {
    private final String table;

    OffsetStore(String schema) {
        this.table = schema + ".casefiles_offsets";
    }

    /** The stored next offsets of these partitions; a partition never seen starts at 0 (and gets its row). */
    Map<TopicPartition, Long> claim(Connection c, Collection<TopicPartition> partitions) throws SQLException {
        String[] topics = partitions.stream().map(TopicPartition::topic).toArray(String[]::new);
        Integer[] numbers = partitions.stream().map(TopicPartition::partition).toArray(Integer[]::new);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (topic, partition, next_offset)"
                + " SELECT t, p, 0 FROM unnest(?::text[], ?::int[]) AS u(t, p) ON CONFLICT (topic, partition) DO NOTHING")) {
            insert.setArray(1, c.createArrayOf("text", topics));
            insert.setArray(2, c.createArrayOf("int4", numbers));
            insert.executeUpdate();
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT o.topic, o.partition, o.next_offset FROM " + table + " o"
                + " JOIN unnest(?::text[], ?::int[]) AS u(t, p) ON o.topic = u.t AND o.partition = u.p")) {
            select.setArray(1, c.createArrayOf("text", topics));
            select.setArray(2, c.createArrayOf("int4", numbers));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        }
        return offsets;
    }

    /**
     * Moves every fenced partition on, one row at a time in the order given (row by row rather than
     * a JDBC batch: the driver reports a connection lost in the middle of a batch as an Error).
     *
     * @return the partitions whose row no longer held the expected offset
     */
    List<TopicPartition> advance(Connection c, List<Batch.Fence> fences) throws SQLException {
        List<TopicPartition> moved = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET next_offset = ?"
                + " WHERE topic = ? AND partition = ? AND next_offset = ?")) {
            for (Batch.Fence fence : fences) {
                update.setLong(1, fence.next());
                update.setString(2, fence.partition().topic());
                update.setInt(3, fence.partition().partition());
                update.setLong(4, fence.expected());
                if (update.executeUpdate() != 1) {
                    moved.add(fence.partition());
                }
            }
        }
        return moved;
    }
}
