package org.casetrack.access.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.schemas.crypto.DataKey;
import org.casetrack.schemas.crypto.MasterKey;

/** Re-wraps every live data key from one master key to another, in one transaction. */
final class MasterKeyRotation {
    private MasterKeyRotation() {
    }

    static int rewrap(DataSource dataSource, MasterKey current, MasterKey next) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement lock = c.createStatement();
                 PreparedStatement select = c.prepareStatement("SELECT case_id, key_id, wrapped, master_key_id FROM "
                         + DataKeyStore.TABLE + " WHERE wrapped IS NOT NULL");
                 PreparedStatement update = c.prepareStatement("UPDATE " + DataKeyStore.TABLE
                         + " SET wrapped = ?, master_key_id = ?, rewrapped_at = now() WHERE case_id = ?")) {
                // no other instance may add a key under the old master key while this runs
                lock.execute("LOCK TABLE " + DataKeyStore.TABLE + " IN SHARE ROW EXCLUSIVE MODE");
                int count = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        DataKey key = unwrap(rs, current, next);
                        update.setBytes(1, next.wrap(key));
                        update.setString(2, next.id());
                        update.setString(3, rs.getString(1));
                        update.addBatch();
                        count++;
                    }
                }
                update.executeBatch();
                c.commit();
                return count;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Re-wrapping the data keys", e);
        }
    }

    /** A key already under the new master (an earlier rotation to it) is taken as it is. */
    private static DataKey unwrap(ResultSet rs, MasterKey current, MasterKey next) throws SQLException {
        String wrappedBy = rs.getString(4);
        if (wrappedBy.equals(next.id())) {
            return next.unwrap(rs.getString(2), rs.getBytes(3));
        }
        if (!wrappedBy.equals(current.id())) {
            throw new WrongMasterKeyException(wrappedBy, current.id());
        }
        return current.unwrap(rs.getString(2), rs.getBytes(3));
    }
}
