package org.casetrack.access.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway migrations of one module into one schema, so that several modules share one database:
 * scripts from {@code classpath:db/<module>}, history in {@code <schema>.flyway_<module>_history}.
 * Several modules may migrate into the same schema (both {@code primary} and {@code derived} are
 * shared): a module arriving in a schema that others already filled starts from an empty
 * baseline (version 0), so its own V1 still runs.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** @return the number of migrations applied now */
    public static int run(DataSource dataSource, String module, String schema) {
        MigrateResult result = configure(dataSource, module, schema).load().migrate();
        LOG.info("Schema {}: {} migration(s) of {} applied, now at version {}", schema, result.migrationsExecuted, module,
                result.targetSchemaVersion == null ? "(none)" : result.targetSchemaVersion);
        return result.migrationsExecuted;
    }

    /**
     * The Flyway settings {@link #run} migrates with; a test of a migration on older data sets a
     * {@code target} on them to stop at the version before it.
     */
    public static FluentConfiguration configure(DataSource dataSource, String module, String schema) {
        if (!module.matches("[a-z][a-z0-9_-]*") || !schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Module and schema names are lower-case words: " + module + ", " + schema);
        }
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table("flyway_" + module.replace('-', '_') + "_history")
                .locations("classpath:db/" + module)
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }
}
