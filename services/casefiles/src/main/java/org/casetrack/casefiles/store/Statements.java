package org.casetrack.casefiles.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/** Statement settings the driver does not expose through JDBC. */
final class Statements {
    private Statements() {
    }

    /**
     * Plans the statement with its actual parameters on every execution. A lookup by a list of ids
     * would otherwise switch, after five executions on a pooled connection, to a generic plan made
     * when its table was empty (a rebuild's fresh table): a sequential scan, kept as the table grows.
     */
    static void planEachTime(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
