package org.casetrack.access.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.schemas.crypto.MasterKey;

/**
 * At start-up: a wrong master key is reported as such at once (from the master key id stored
 * with the keys, and by unwrapping one key), instead of failing on the first read of personal data.
 */
final class MasterKeyCheck {
    private MasterKeyCheck() {
    }

    static void verify(DataSource dataSource, MasterKey configured) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT key_id, wrapped, master_key_id FROM " + DataKeyStore.TABLE
                     + " WHERE wrapped IS NOT NULL ORDER BY master_key_id <> ? DESC LIMIT 1")) {
            s.setString(1, configured.id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                if (!configured.id().equals(rs.getString(3))) {
                    throw new WrongMasterKeyException(rs.getString(3), configured.id());
                }
                // throws UnreadableBlockException if the stored id lies
                configured.unwrap(rs.getString(1), rs.getBytes(2));
            }
        } catch (SQLException e) {
            throw new DatabaseException("Checking the master key against the key store", e);
        }
    }
}
