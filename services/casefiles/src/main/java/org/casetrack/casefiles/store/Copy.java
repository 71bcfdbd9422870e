package org.casetrack.casefiles.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's COPY for the rebuild's history rows: the fastest way in, with no ON CONFLICT (the
 * rebuild writes fresh tables alone, so nothing can conflict).
 */
final class Copy {
    private static final HexFormat HEX = HexFormat.of();

    private Copy() {
    }

    /** @param rows values per column: null, String, Number, Instant or byte[] */
    static void in(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 300);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                value(csv, row[i]);
            }
            csv.append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", "58030", e);
        }
    }

    private static void value(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number) {
            csv.append(value);
        } else if (value instanceof byte[] bytes) {
            csv.append("\\x").append(HEX.formatHex(bytes));
        } else {
            String text = value instanceof Instant instant ? instant.toString() : value.toString();
            csv.append('"');
            for (int i = 0, n = text.length(); i < n; i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    csv.append('"');
                }
                csv.append(ch);
            }
            csv.append('"');
        }
    }
}
