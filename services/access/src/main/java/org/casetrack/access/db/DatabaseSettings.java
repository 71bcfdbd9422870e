package org.casetrack.access.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The PostgreSQL database every service shares, under {@code database.*} (environment:
 * DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE, DATABASE_CONNECTION_TIMEOUT).
 *
 * @param url               JDBC URL, {@code jdbc:postgresql://host:5432/casetrack}
 * @param poolSize          connections in the pool: about twice the cores, PostgreSQL's own advice
 * @param connectionTimeout how long a request waits for a free connection before failing
 */
@ConfigurationProperties("database")
public record DatabaseSettings(
        @Bindable(defaultValue = "jdbc:postgresql://localhost:5432/casetrack") String url,
        @Bindable(defaultValue = "casetrack") String user,
        @Nullable String password,
        @Bindable(defaultValue = "5") int poolSize,
        @Bindable(defaultValue = "5s") Duration connectionTimeout) {

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
