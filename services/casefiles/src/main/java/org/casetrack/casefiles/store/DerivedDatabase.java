package org.casetrack.casefiles.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.access.db.Migrations;
import org.flywaydb.core.api.FlywayException;

/**
 * casefiles's tables in schema {@code derived}, migrated on first use rather than at start-up, so
 * that the service starts (and answers 503) while PostgreSQL is down, and the projector retries.
 */
@Singleton
public class DerivedDatabase {
    public static final String SCHEMA = "derived";
    public static final String MODULE = "casefiles";

    private final DataSource dataSource;
    private volatile boolean migrated;

    public DerivedDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A connection to a migrated {@code derived}. @throws DatabaseException when PostgreSQL is unavailable */
    public Connection connection(String operation) {
        ensureMigrated();
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseException(operation, e);
        }
    }

    public void ensureMigrated() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (!migrated) {
                migrate(dataSource, SCHEMA);
                migrated = true;
            }
        }
    }

    /** Runs casefiles's migrations into a schema, turning Flyway's failures into {@link DatabaseException}s. */
    public static void migrate(DataSource dataSource, String schema) {
        try {
            Migrations.run(dataSource, MODULE, schema);
        } catch (FlywayException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    throw new DatabaseException("Migrating schema " + schema, sql);
                }
            }
            throw e;
        }
    }
}
