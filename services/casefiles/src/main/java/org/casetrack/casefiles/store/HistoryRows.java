package org.casetrack.casefiles.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.EventMetadata;

/**
 * The history tables: one row per event, with its metadata (who reported it and when), its clear
 * fields as json, and its encrypted block as the log holds it. Live, keyed by aggregate and sequence
 * (a row already there is left alone); in a rebuild, by COPY into the fresh tables.
 */
final class HistoryRows {
    private static final String CASE_COLUMNS = "event_id, case_id, sequence, event_type, command_id, occurred_on, occurred_at,"
            + " recorded_at, organisation, principal, details, corrected_field, key_id, nonce, ciphertext, source_partition, source_offset";
    private static final String[] CASE_TYPES = {"uuid", "text", "int8", "text", "uuid", "date", "timestamptz", "timestamptz", "text",
        "text", "text", "text", "text", "bytea", "bytea", "int4", "int8"};
    private static final String COMPOUND_COLUMNS = "event_id, compound_id, sequence, event_type, command_id, occurred_on, occurred_at,"
            + " recorded_at, organisation, principal, details, source_partition, source_offset";
    private static final String[] COMPOUND_TYPES = {"uuid", "text", "int8", "text", "uuid", "date", "timestamptz", "timestamptz", "text",
        "text", "text", "int4", "int8"};

    private HistoryRows() {
    }

    static void insertCaseEvents(Connection c, String schema, List<Batch.Projected<CaseEvent>> events, boolean bulk) throws SQLException {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Batch.Projected<CaseEvent> projected : events) {
            CaseEvent event = projected.event();
            SpecificRecord payload = (SpecificRecord) event.getPayload();
            EncryptedBlock block = ClearFields.block(payload);
            Object[] row = new Object[CASE_TYPES.length];
            metadata(row, event.getMetadata(), payload, bulk);
            row[11] = payload instanceof CaseDetailsCorrected corrected ? corrected.getField() : null;
            row[12] = block == null ? null : block.getKeyId();
            row[13] = block == null ? null : bytes(block.getNonce());
            row[14] = block == null ? null : bytes(block.getCiphertext());
            row[15] = projected.source().partition();
            row[16] = projected.source().offset();
            rows.add(row);
        }
        write(c, schema + ".case_events", CASE_COLUMNS, CASE_TYPES, rows, bulk);
    }

    static void insertCompoundEvents(Connection c, String schema, List<Batch.Projected<CompoundEvent>> events, boolean bulk)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Batch.Projected<CompoundEvent> projected : events) {
            Object[] row = new Object[COMPOUND_TYPES.length];
            metadata(row, projected.event().getMetadata(), (SpecificRecord) projected.event().getPayload(), bulk);
            row[11] = projected.source().partition();
            row[12] = projected.source().offset();
            rows.add(row);
        }
        write(c, schema + ".compound_events", COMPOUND_COLUMNS, COMPOUND_TYPES, rows, bulk);
    }

    private static void write(Connection c, String table, String columns, String[] types, List<Object[]> rows, boolean bulk)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (bulk) {
            Copy.in(c, table, columns, types, rows);
            return;
        }
        StringBuilder select = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        String[] names = columns.split(",\\s*");
        for (int i = 0; i < types.length; i++) {
            String sent = Columns.sentAs(types[i]);
            select.append(i == 0 ? "" : ", ").append("u.").append(names[i]).append(sent.equals(types[i]) ? "" : "::" + types[i]);
            arrays.append(i == 0 ? "" : ", ").append("?::").append(sent).append("[]");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") SELECT " + select
                + " FROM unnest(" + arrays + ") AS u(" + columns + ") ON CONFLICT DO NOTHING")) {
            Columns.of(rows, types.length).bind(c, s, java.util.Arrays.stream(types).map(Columns::sentAs).toArray(String[]::new));
            s.executeUpdate();
        }
    }

    /** Columns 0-10: the event's identity, metadata and clear fields (as UTF-8 bytes for COPY when bulk). */
    private static void metadata(Object[] row, EventMetadata m, SpecificRecord payload, boolean bulk) {
        row[0] = m.getEventId();
        row[1] = m.getAggregateId();
        row[2] = m.getSequence();
        row[3] = payload.getSchema().getName();
        row[4] = m.getCommandId();
        row[5] = m.getOccurredOn();
        row[6] = m.getOccurredAt();
        row[7] = m.getRecordedAt();
        row[8] = m.getOrganisation();
        row[9] = m.getPrincipal();
        row[10] = Json.column(ClearFields.of(payload), bulk);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
