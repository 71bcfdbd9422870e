package org.casetrack.access.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several modules migrate into one shared schema, each with its own history, and a rerun changes nothing. */
@ExtendWith(DevStackExtension.class)
class MigrationsTest {

    @Test
    void twoModulesShareTheSchemaWithTheirOwnHistoryTables(TestScope scope) throws SQLException {
        javax.sql.DataSource dataSource = scope.stack().database().dataSource(scope.databaseName());

        assertThat(Migrations.run(dataSource, "access", "primary")).isEqualTo(1);
        assertThat(Migrations.run(dataSource, "othermodule", "primary")).isEqualTo(1);
        assertThat(Migrations.run(dataSource, "access", "primary")).isZero();
        assertThat(Migrations.run(dataSource, "othermodule", "primary")).isZero();

        assertThat(tables(dataSource)).contains("tokens", "data_keys", "disclosures", "other_module_things",
                "flyway_access_history", "flyway_othermodule_history");
    }

    private static List<String> tables(javax.sql.DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'primary'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
