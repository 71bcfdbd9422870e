package org.casetrack.feeds.store;

import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.casetrack.access.db.Migrations;
import org.casetrack.access.db.PrimaryDatabase;

/**
 * The feeds' tables in schema {@code "primary"} (webhook subscriptions, cursors, parked deliveries),
 * migrated from {@code classpath:db/embassy-feeds} after access's own, before first use.
 */
@Singleton
public class FeedsDatabase {
    public static final String MODULE = "embassy-feeds";

    private final DataSource dataSource;

    public FeedsDatabase(PrimaryDatabase primary) {
        Migrations.run(primary.dataSource(), MODULE, PrimaryDatabase.SCHEMA);
        this.dataSource = primary.dataSource();
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
