package org.casetrack.access.db;

import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The database with access's own tables in schema {@code "primary"} (tokens, data keys, the
 * disclosure log), migrated before first use. {@code primary} is an SQL reserved word: every
 * statement names the schema quoted, {@code "primary".tokens}.
 */
@Singleton
public class PrimaryDatabase {
    public static final String SCHEMA = "primary";

    private final DataSource dataSource;

    public PrimaryDatabase(DataSource dataSource) {
        Migrations.run(dataSource, "access", SCHEMA);
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
