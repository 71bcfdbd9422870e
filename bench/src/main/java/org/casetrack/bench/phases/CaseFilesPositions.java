package org.casetrack.bench.phases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.casefiles.store.DerivedDatabase;

/** Where the live case-file projector stands: the next offsets it stores with its rows (casefiles_offsets). */
public final class CaseFilesPositions {
    private CaseFilesPositions() {
    }

    public static Map<TopicPartition, Long> read(DataSource database) throws SQLException {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT topic, partition, next_offset FROM " + DerivedDatabase.SCHEMA + ".casefiles_offsets")) {
            while (rs.next()) {
                positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        }
        return positions;
    }
}
