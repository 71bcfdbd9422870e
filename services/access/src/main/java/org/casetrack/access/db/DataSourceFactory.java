package org.casetrack.access.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The one connection pool of a service (HikariCP directly: micronaut-jdbc-hikari would read
 * {@code datasources.*} instead of casetrack's {@code database.*}). Inject {@link DataSource}.
 */
@Factory
public class DataSourceFactory {

    @Singleton
    @Bean(typed = DataSource.class, preDestroy = "close")
    HikariDataSource dataSource(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("casetrack");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // PostgreSQL's error details quote row values ("Key (x)=(...) already exists"): keep them out of messages
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // start even when the database is not up yet; the first use fails clearly instead
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
