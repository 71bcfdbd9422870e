package org.casetrack.casefiles.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's COPY for the rebuild's rows: the fastest way in, with no ON CONFLICT (the rebuild writes
 * fresh tables alone, so nothing can conflict). Rows go in PostgreSQL's binary format, so the server
 * parses no text: uuids, dates, timestamps and bytea arrive as it stores them.
 */
final class Copy {
    /**
     * Rows are sent to the server whenever this many bytes are encoded. The buffer stays below half a
     * G1 region (1 MB at the smallest), so it is an ordinary young object, not a humongous one.
     */
    private static final int SEND_AT = 256 * 1024;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Days and microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01. */
    private static final long EPOCH_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_SECONDS = EPOCH_DAYS * 86_400;
    private static final int TEXT_OID = 25;
    /** Big-endian views of a byte array, as PostgreSQL's binary format wants its integers. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Copy() {
    }

    /**
     * @param types the PostgreSQL type of each column: uuid, text, int8, int4, bool, date, timestamptz,
     *              bytea or text[]
     * @param rows  iterated once, as the COPY is sent; values per column, null or: String (text; uuid and date also as text),
     *              byte[] (text already in UTF-8, or bytea), UUID, LocalDate,
     *              Number, Boolean, Instant, or a List of String for text[]
     */
    static void in(Connection c, String table, String columns, String[] types, Iterable<Object[]> rows) throws SQLException {
        Type[] encodings = Arrays.stream(types).map(Type::of).toArray(Type[]::new);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
        try {
            Encoder out = new Encoder();
            out.bytes(HEADER);
            for (Object[] row : rows) {
                out.int16(encodings.length);
                for (int i = 0; i < encodings.length; i++) {
                    out.field(encodings[i], row[i]);
                }
                if (out.size() >= SEND_AT) {
                    out.sendTo(copy);
                }
            }
            out.int16(-1);
            out.sendTo(copy);
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel); // the failure that stopped the COPY is the one to report
                }
            }
            throw e;
        }
    }

    /** The column types COPY encodes, resolved from their names once per COPY rather than once per value. */
    private enum Type {
        TEXT, UUID, INT8, INT4, BOOL, DATE, TIMESTAMPTZ, BYTEA, TEXT_ARRAY;

        static Type of(String name) {
            return switch (name) {
                case "text" -> TEXT;
                case "uuid" -> UUID;
                case "int8" -> INT8;
                case "int4" -> INT4;
                case "bool" -> BOOL;
                case "date" -> DATE;
                case "timestamptz" -> TIMESTAMPTZ;
                case "bytea" -> BYTEA;
                case "text[]" -> TEXT_ARRAY;
                default -> throw new IllegalArgumentException("No binary COPY encoding for " + name);
            };
        }
    }

    /** A growing big-endian buffer of one COPY's rows. */
    private static final class Encoder {
        private byte[] buffer = new byte[SEND_AT + 64 * 1024];
        private int size;

        int size() {
            return size;
        }

        void sendTo(CopyIn copy) throws SQLException {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }

        void field(Type type, Object value) {
            if (value == null) {
                int32(-1);
                return;
            }
            switch (type) {
                case TEXT -> {
                    if (value instanceof byte[] utf8) {
                        sized(utf8);
                    } else {
                        text((String) value);
                    }
                }
                case UUID -> {
                    UUID uuid = value instanceof UUID u ? u : UUID.fromString((String) value);
                    int32(16);
                    int64(uuid.getMostSignificantBits());
                    int64(uuid.getLeastSignificantBits());
                }
                case INT8 -> {
                    int32(8);
                    int64(((Number) value).longValue());
                }
                case INT4 -> {
                    int32(4);
                    int32(((Number) value).intValue());
                }
                case BOOL -> {
                    int32(1);
                    ensure(1);
                    buffer[size++] = (byte) ((Boolean) value ? 1 : 0);
                }
                case DATE -> {
                    LocalDate date = value instanceof LocalDate d ? d : LocalDate.parse((String) value);
                    int32(4);
                    int32(Math.toIntExact(date.toEpochDay() - EPOCH_DAYS));
                }
                case TIMESTAMPTZ -> {
                    Instant instant = (Instant) value;
                    int32(8);
                    int64((instant.getEpochSecond() - EPOCH_SECONDS) * 1_000_000 + instant.getNano() / 1_000);
                }
                case BYTEA -> sized((byte[]) value);
                case TEXT_ARRAY -> textArray((List<?>) value);
            }
        }

        /** A one-dimensional text array without nulls: dimensions, flags, element type, then each element. */
        private void textArray(List<?> elements) {
            byte[][] encoded = new byte[elements.size()][];
            int length = elements.isEmpty() ? 12 : 20;
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = ((String) elements.get(i)).getBytes(StandardCharsets.UTF_8);
                length += 4 + encoded[i].length;
            }
            int32(length);
            int32(elements.isEmpty() ? 0 : 1);
            int32(0);
            int32(TEXT_OID);
            if (!elements.isEmpty()) {
                int32(encoded.length);
                int32(1);
                for (byte[] element : encoded) {
                    sized(element);
                }
            }
        }

        /** Text as UTF-8: ASCII copied straight into the buffer, anything else encoded first. */
        private void text(String value) {
            int length = value.length();
            ensure(4 + length);
            int start = size + 4;
            for (int i = 0; i < length; i++) {
                char ch = value.charAt(i);
                if (ch >= 0x80) {
                    sized(value.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                buffer[start + i] = (byte) ch;
            }
            int32(length);
            size += length;
        }

        private void sized(byte[] bytes) {
            int32(bytes.length);
            bytes(bytes);
        }

        void bytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void int16(int value) {
            ensure(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        void int32(int value) {
            ensure(4);
            INT.set(buffer, size, value);
            size += 4;
        }

        void int64(long value) {
            ensure(8);
            LONG.set(buffer, size, value);
            size += 8;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
