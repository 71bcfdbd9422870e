package org.casetrack.casefiles.store;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.CompoundFacts;

/** Reads case files from schema {@code derived}: one case with its history, or a page of a search. */
@Singleton
public class CaseFileStore {
    private static final String SCHEMA = DerivedDatabase.SCHEMA;
    private static final String EVENT_COLUMNS = "case_id, event_id, sequence, event_type, occurred_on, occurred_at, recorded_at,"
            + " organisation, principal, details, corrected_field, key_id, nonce, ciphertext";

    private final DerivedDatabase database;

    public CaseFileStore(DerivedDatabase database) {
        this.database = database;
    }

    /** The case, its compound and its full history, read in one snapshot. */
    public Optional<StoredCase> find(String caseId) {
        try (Connection c = database.connection("Reading a case file")) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Optional<StoredCase> found = read(c, caseId);
                c.commit();
                return found;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new DatabaseException("Reading a case file", e);
        }
    }

    private static Optional<StoredCase> read(Connection c, String caseId) throws SQLException {
        CaseFacts facts;
        CompoundFacts compound;
        try (PreparedStatement s = c.prepareStatement("SELECT c.facts, cp.facts FROM " + SCHEMA + ".cases c LEFT JOIN " + SCHEMA
                + ".compounds cp ON cp.compound_id = c.compound_id WHERE c.case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                facts = Json.read(rs.getString(1), CaseFacts.class);
                compound = rs.getString(2) == null ? null : Json.read(rs.getString(2), CompoundFacts.class);
            }
        }
        List<StoredEvent> history = events(c, "SELECT " + EVENT_COLUMNS + " FROM " + SCHEMA + ".case_events WHERE case_id = ANY(?)"
                + " ORDER BY sequence", List.of(caseId)).getOrDefault(caseId, List.of());
        return Optional.of(new StoredCase(facts, compound, history));
    }

    /**
     * The events of these cases that shape their current personal data (the escape report, corrections
     * of personal fields, travel documents), oldest first per case.
     */
    public Map<String, List<StoredEvent>> personalEvents(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        try (Connection c = database.connection("Reading personal data blocks")) {
            return events(c, "SELECT " + EVENT_COLUMNS + " FROM " + SCHEMA + ".case_events WHERE case_id = ANY(?) AND key_id IS NOT NULL"
                    + " AND (event_type IN ('EscapeReported', 'TravelDocumentIssued') OR corrected_field IS NOT NULL)"
                    + " ORDER BY case_id, sequence", List.copyOf(caseIds));
        } catch (SQLException e) {
            throw new DatabaseException("Reading personal data blocks", e);
        }
    }

    public SearchPage search(SearchCriteria criteria) {
        try (Connection c = database.connection("Searching case files")) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                SearchPage page = SearchQuery.run(c, SCHEMA, criteria);
                c.commit();
                return page;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new DatabaseException("Searching case files", e);
        }
    }

    private static Map<String, List<StoredEvent>> events(Connection c, String sql, List<String> caseIds) throws SQLException {
        Map<String, List<StoredEvent>> byCase = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", caseIds.toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byCase.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(event(rs));
                }
            }
        }
        return byCase;
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        String keyId = rs.getString(12);
        EncryptedBlock block = keyId == null ? null : EncryptedBlock.newBuilder().setKeyId(keyId)
                .setNonce(ByteBuffer.wrap(rs.getBytes(13))).setCiphertext(ByteBuffer.wrap(rs.getBytes(14))).build();
        java.sql.Date occurredOn = rs.getDate(5);
        Timestamp occurredAt = rs.getTimestamp(6);
        return new StoredEvent(UUID.fromString(rs.getString(2)), rs.getLong(3), rs.getString(4),
                occurredOn == null ? null : occurredOn.toLocalDate(), occurredAt == null ? null : occurredAt.toInstant(),
                rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), Json.readMap(rs.getString(10)), rs.getString(11), block);
    }
}
