package org.casetrack.casefiles.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The binary COPY of the rebuild writes text exactly, given as a String (ASCII or not) or as UTF-8 bytes. */
@ExtendWith(DevStackExtension.class)
class CopyTest {

    @Test
    void textArrivesAsItWasWhateverItsCharacters(TestScope scope) throws Exception {
        List<String> texts = List.of("", "Phnom Penh", "Đà Nẵng", "Ban Cham Yeam \u0e14\u0e48\u0e32\u0e19", "tab\there \"quoted\" \\ {}",
                "x".repeat(300_000) + "é");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(new Object[] {2 * i, texts.get(i)});
            rows.add(new Object[] {2 * i + 1, texts.get(i).getBytes(StandardCharsets.UTF_8)});
        }
        try (HikariDataSource pool = Pools.pool(scope.jdbcUrl()); Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE copied (n int4 PRIMARY KEY, body text)");
            }
            Copy.in(c, "copied", "n, body", new String[] {"int4", "text"}, rows);

            List<String> read = new DerivedRows(pool).query("SELECT body FROM copied ORDER BY n", rs -> rs.getString(1));
            List<String> expected = texts.stream().flatMap(t -> List.of(t, t).stream()).toList();
            assertThat(read).isEqualTo(expected);
        }
    }
}
