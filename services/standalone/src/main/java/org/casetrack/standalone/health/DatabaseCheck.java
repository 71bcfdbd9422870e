package org.casetrack.standalone.health;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** PostgreSQL answers a query through the services' own connection pool. */
@Singleton
class DatabaseCheck implements ComponentCheck {
    private static final int TIMEOUT_SECONDS = 3;

    private final DataSource dataSource;

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<ComponentHealth> check() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('server_version')")) {
                rs.next();
                return List.of(ComponentHealth.up("postgresql", Map.of("version", rs.getString(1))));
            }
        } catch (Exception e) {
            return List.of(ComponentHealth.failed("postgresql", e));
        }
    }
}
