package org.casetrack.access.disclosure;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.access.db.PrimaryDatabase;

/**
 * The append-only disclosure log in {@code "primary".disclosures}. This class only inserts and
 * reads; the database itself refuses UPDATE, DELETE and TRUNCATE of the table (a trigger).
 */
@Singleton
public class DisclosureLog {
    private static final String TABLE = "\"primary\".disclosures";

    private final PrimaryDatabase database;

    public DisclosureLog(PrimaryDatabase database) {
        this.database = database;
    }

    public void record(Disclosure disclosure) {
        recordAll(List.of(disclosure));
    }

    /** Records several disclosures (a search result, a feed batch) in one statement. */
    public void recordAll(List<Disclosure> disclosures) {
        if (disclosures.isEmpty()) {
            return;
        }
        int n = disclosures.size();
        Timestamp[] at = new Timestamp[n];
        String[][] text = new String[6][n];
        for (int i = 0; i < n; i++) {
            Disclosure d = disclosures.get(i);
            at[i] = Timestamp.from(d.at());
            text[0][i] = d.principal();
            text[1][i] = d.organisation();
            text[2][i] = d.action();
            text[3][i] = d.caseId();
            text[4][i] = d.what();
            text[5][i] = d.why();
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE
                     + " (at, principal, organisation, action, case_id, what, why)"
                     + " SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])")) {
            s.setArray(1, c.createArrayOf("timestamptz", at));
            for (int column = 0; column < text.length; column++) {
                s.setArray(column + 2, c.createArrayOf("text", text[column]));
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("Recording disclosures", e);
        }
    }

    /** Every disclosure about the case, oldest first. */
    public List<Disclosure> forCase(String caseId) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT at, principal, organisation, action, case_id, what, why FROM "
                     + TABLE + " WHERE case_id = ? ORDER BY at, id")) {
            s.setString(1, caseId);
            List<Disclosure> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Disclosure(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DatabaseException("Reading disclosures", e);
        }
    }
}
