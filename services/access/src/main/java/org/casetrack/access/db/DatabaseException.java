package org.casetrack.access.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A failed database operation. The message names the operation and SQLState only; the pool asks
 * PostgreSQL's driver to leave server details (which quote row values) out of its messages.
 */
public class DatabaseException extends RuntimeException {
    private final String sqlState;

    public DatabaseException(String operation, SQLException cause) {
        super(operation + " failed (SQLState " + cause.getSQLState() + ")", cause);
        this.sqlState = cause.getSQLState();
    }

    private DatabaseException(DatabaseException shared) {
        super(shared.getMessage(), shared.getCause());
        this.sqlState = shared.sqlState;
    }

    /**
     * The same failure for another request that shared the operation (a grouped write): an exception
     * thrown in several threads would gather every thread's suppressed exceptions and cross their traces.
     */
    public DatabaseException forAnotherRequest() {
        return new DatabaseException(this);
    }

    public String sqlState() {
        return sqlState;
    }

    /** The database could not be reached or gave no connection in time: retrying later may work. */
    public boolean isUnavailable() {
        return getCause() instanceof SQLTransientConnectionException
                || (sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P")));
    }

    /** A unique constraint refused the row. */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState);
    }
}
