package org.casetrack.access.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.casetrack.access.auth.Roles;

/**
 * The role x endpoint matrix: rows of (method, path, body, caller) -> expected status, run against
 * a live server. A service adds its endpoints as rows; {@link #everyCaller} writes the usual
 * "these roles may, the others get 403, no token gets 401" rows in one line. In paths and bodies,
 * {@code {unique}} becomes a fresh id per row and {@code {victim}} the name of a fresh token
 * issued for the row.
 */
public final class EndpointMatrix {

    /** Who calls: no token, a token that does not exist, or a valid token of a role. */
    public enum As {
        NO_TOKEN(null), UNKNOWN_TOKEN(null), COORDINATOR(Roles.COORDINATOR), MONITOR(Roles.MONITOR),
        EMBASSY_TH("embassy:TH"), ADMIN_FROM_ENVIRONMENT(Roles.ADMIN), ADMIN_ISSUED(Roles.ADMIN);

        final String role;

        As(String role) {
            this.role = role;
        }
    }

    public record Row(String method, String path, String body, As as, int expected) {
        @Override
        public String toString() {
            return method + " " + path + " as " + as + " -> " + expected;
        }
    }

    private EndpointMatrix() {
    }

    /** Rows for every caller: {@code allowed} roles get {@code status}, other roles 403, no or an unknown token 401. */
    public static List<Row> everyCaller(String method, String path, String body, int status, Set<As> allowed) {
        List<Row> rows = new ArrayList<>();
        for (As as : As.values()) {
            int expected = as.role == null ? 401 : allowed.contains(as) ? status : 403;
            rows.add(new Row(method, path, body, as, expected));
        }
        return rows;
    }

    /** Calls every row and asserts all statuses at once, listing every mismatch. */
    public static void verify(AccessServer server, List<Row> rows) {
        Map<As, String> tokens = new EnumMap<>(As.class);
        tokens.put(As.UNKNOWN_TOKEN, Planted.token("not-a-token-" + UUID.randomUUID()));
        tokens.put(As.ADMIN_FROM_ENVIRONMENT, server.adminToken());
        for (As as : As.values()) {
            if (as.role != null && !tokens.containsKey(as)) {
                tokens.put(as, server.issue(as.role));
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            Function<String, String> fill = placeholders(server, row);
            Response response = server.call(row.method(), fill.apply(row.path()), tokens.get(row.as()),
                    row.body() == null ? null : fill.apply(row.body()));
            if (response.status() != row.expected()) {
                mismatches.add(row + " but got " + response);
            } else if (response.status() >= 400) {
                assertThat(response.contentType()).as(row.toString()).startsWith("application/problem+json");
            }
        }
        assertThat(mismatches).as("rows of the role x endpoint matrix that failed").isEmpty();
    }

    private static Function<String, String> placeholders(AccessServer server, Row row) {
        String unique = "u" + UUID.randomUUID().toString().substring(0, 8);
        String victim = (row.path() + row.body()).contains("{victim}") ? issueVictim(server) : "";
        return text -> text.replace("{unique}", unique).replace("{victim}", victim);
    }

    private static String issueVictim(AccessServer server) {
        String name = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        server.issue(Roles.MONITOR, name, java.time.Instant.now().plusSeconds(3600));
        return name;
    }
}
