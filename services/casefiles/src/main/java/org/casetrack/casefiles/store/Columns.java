package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Column arrays for a multi-row write ({@code INSERT ... SELECT * FROM unnest(?, ?, ...)}): one
 * statement and one round trip for a whole batch, however many rows it has.
 */
final class Columns {
    private final Object[][] values;
    private final int rows;

    private Columns(Object[][] values, int rows) {
        this.values = values;
        this.rows = rows;
    }

    /**
     * Columns from rows of values (String, Long, Integer, Boolean, Instant, byte[], a List of codes or null; a
     * UUID or LocalDate is sent as text).
     */
    static Columns of(List<Object[]> rows, int width) {
        Object[][] values = new Object[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int i = 0; i < width; i++) {
                values[i][r] = row[i] instanceof Instant instant ? Timestamp.from(instant)
                        : row[i] instanceof List<?> codes ? arrayLiteral(codes.stream().map(String::valueOf).toList())
                        : row[i] instanceof UUID || row[i] instanceof LocalDate ? row[i].toString() : row[i];
            }
        }
        return new Columns(values, rows.size());
    }

    /** The array type a column of this type is sent as: text for what PostgreSQL casts from text (uuid, date, text[]). */
    static String sentAs(String type) {
        return switch (type) {
            case "uuid", "date", "text[]" -> "text";
            default -> type;
        };
    }

    /** Binds column i as parameter i + 1, as an array of the given PostgreSQL element type. */
    void bind(Connection c, PreparedStatement s, String... types) throws SQLException {
        for (int i = 0; i < types.length; i++) {
            Object[] column = values[i];
            Object[] typed = switch (types[i]) {
                case "text" -> Arrays.copyOf(column, rows, String[].class);
                case "int8" -> Arrays.copyOf(column, rows, Long[].class);
                case "int4" -> Arrays.copyOf(column, rows, Integer[].class);
                case "bool" -> Arrays.copyOf(column, rows, Boolean[].class);
                case "timestamptz" -> Arrays.copyOf(column, rows, Timestamp[].class);
                case "bytea" -> Arrays.copyOf(column, rows, byte[][].class);
                default -> throw new IllegalArgumentException("No array binding for " + types[i]);
            };
            s.setArray(i + 1, c.createArrayOf(types[i], typed));
        }
    }

    /** A PostgreSQL array literal of codes (enum names), to be cast with {@code ::text[]} row by row. */
    static String arrayLiteral(List<String> codes) {
        return codes.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "{", "}"));
    }
}
