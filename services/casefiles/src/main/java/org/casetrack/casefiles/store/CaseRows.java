package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.CaseFactsEvolver;
import org.casetrack.casefiles.domain.SearchText;

/**
 * Applies case events to the {@code cases}, {@code case_consents} and {@code case_events} tables of
 * one schema: loads the touched cases once, folds the batch's events in memory, and writes each
 * table with one multi-row statement. An event whose sequence the case already has is skipped, so a
 * replay changes nothing.
 *
 * <p>In a rebuild (bulk) the history rows go in by COPY with each batch, but the cases are held in
 * memory across batches, up to {@code maxHeld}, and written once: by COPY for cases the tables have
 * not seen, by upsert for those an earlier spill wrote. A case touched by many batches is then
 * neither read back nor rewritten each time. Only one reader may use a bulk instance.
 */
final class CaseRows {
    /** Rows per upsert statement when held cases are written. */
    private static final int WRITE_CHUNK = 5_000;

    private static final String COLUMNS = "case_id, version, nationality, lifecycle, whereabouts, trafficking_status, compound_id,"
            + " escaped_on, minor, stateless, intends_to_return, detained, erased, needs, search_text, facts";
    private static final String[] TYPES = {"text", "int8", "text", "text", "text", "text", "text", "date", "bool", "bool", "bool", "bool",
        "bool", "text[]", "text", "text"};
    /** How an upsert sends each column: the date and the needs as text, cast in the statement. */
    private static final String[] SENT = java.util.Arrays.stream(TYPES).map(Columns::sentAs).toArray(String[]::new);

    private final String schema;
    private final boolean bulk;
    private final int maxHeld;
    private final Runnable beforeSpill;
    private final ConsentRows consents;
    /** Bulk: the cases folded but not yet written, and the ids of those written by an earlier spill. */
    private final Map<String, CaseFacts> held = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    /** Bulk: the shared texts and dates of the held cases. */
    private final Canonical canonical = new Canonical(1 << 16);

    CaseRows(String schema, boolean bulk, int maxHeld, Runnable beforeSpill) {
        this.schema = schema;
        this.bulk = bulk;
        this.maxHeld = maxHeld;
        this.beforeSpill = beforeSpill;
        this.consents = new ConsentRows(schema);
    }

    List<Batch.Rejected> apply(Connection c, List<Batch.Projected<CaseEvent>> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        if (bulk) {
            return hold(c, events);
        }
        Map<String, CaseFacts> facts = load(c, ids(events, id -> true));
        Set<String> changed = new LinkedHashSet<>();
        Set<String> consentsChanged = new LinkedHashSet<>();
        List<Batch.Projected<CaseEvent>> applied = new ArrayList<>();
        List<Batch.Rejected> rejected = fold(events, facts, changed, consentsChanged, applied, null);
        List<Object[]> updated = new ArrayList<>();
        for (String caseId : changed) {
            updated.add(row(facts.get(caseId), false));
        }
        upsert(c, updated);
        consents.replace(c, consentsChanged.stream().map(facts::get).toList());
        HistoryRows.insertCaseEvents(c, schema, applied, false);
        return rejected;
    }

    /** Bulk: folds the batch into the held cases (reading back only cases a spill wrote), COPYs its history rows. */
    private List<Batch.Rejected> hold(Connection c, List<Batch.Projected<CaseEvent>> events) throws SQLException {
        if (!written.isEmpty()) {
            held.putAll(load(c, ids(events, id -> !held.containsKey(id) && written.contains(id))));
        }
        List<Batch.Projected<CaseEvent>> applied = new ArrayList<>();
        List<Batch.Rejected> rejected = fold(events, held, new HashSet<>(), new HashSet<>(), applied, canonical);
        HistoryRows.insertCaseEvents(c, schema, applied, true);
        if (held.size() >= maxHeld) {
            if (written.isEmpty()) {
                beforeSpill.run();
            }
            writeHeld(c);
        }
        return rejected;
    }

    /** Bulk: writes every held case (COPY when new to the tables, upsert otherwise) with its consents, and lets them go. */
    void writeHeld(Connection c) throws SQLException {
        List<CaseFacts> created = new ArrayList<>();
        List<CaseFacts> updated = new ArrayList<>();
        List<CaseFacts> withConsents = new ArrayList<>();
        for (CaseFacts f : held.values()) {
            boolean seen = written.contains(f.caseId());
            (seen ? updated : created).add(f);
            if (seen || !f.consents().isEmpty()) {
                withConsents.add(f);
            }
        }
        // one COPY, each row made as it is encoded: the rows die young, and PostgreSQL takes in each
        // piece sent while the next is made
        Copy.in(c, schema + ".cases", COLUMNS, TYPES, () -> created.stream().map(f -> row(f, true)).iterator());
        inChunks(updated, cases -> upsert(c, cases.stream().map(f -> row(f, false)).toList()));
        inChunks(withConsents, cases -> consents.replace(c, cases));
        written.addAll(held.keySet());
        held.clear();
    }

    private interface Write<T> {
        void rows(List<T> chunk) throws SQLException;
    }

    private static <T> void inChunks(List<T> all, Write<T> write) throws SQLException {
        for (int i = 0; i < all.size(); i += WRITE_CHUNK) {
            write.rows(all.subList(i, Math.min(all.size(), i + WRITE_CHUNK)));
        }
    }

    /**
     * Applies the events to {@code facts} in order; the cases changed, with a consent changed, and the
     * events applied are collected. With {@code canonical} (bulk), each payload's texts and dates are
     * first swapped for shared instances, which the facts then keep.
     */
    private static List<Batch.Rejected> fold(List<Batch.Projected<CaseEvent>> events, Map<String, CaseFacts> facts, Set<String> changed,
                                             Set<String> consentsChanged, List<Batch.Projected<CaseEvent>> applied, Canonical canonical) {
        List<Batch.Rejected> rejected = new ArrayList<>();
        for (Batch.Projected<CaseEvent> projected : events) {
            CaseEvent event = projected.event();
            String caseId = event.getMetadata().getAggregateId();
            CaseFacts current = facts.get(caseId);
            if (CaseFactsEvolver.isApplied(current, event)) {
                continue;
            }
            if (canonical != null) {
                canonical.fieldsOf((SpecificRecord) event.getPayload());
            }
            try {
                facts.put(caseId, CaseFactsEvolver.apply(current, event));
            } catch (RuntimeException e) {
                rejected.add(new Batch.Rejected(projected.source(), e));
                continue;
            }
            changed.add(caseId);
            applied.add(projected);
            if (event.getPayload() instanceof ConsentRecorded) {
                consentsChanged.add(caseId);
            }
        }
        return rejected;
    }

    private static String[] ids(List<Batch.Projected<CaseEvent>> events, Predicate<String> wanted) {
        return events.stream().map(e -> e.event().getMetadata().getAggregateId()).distinct().filter(wanted).toArray(String[]::new);
    }

    private Map<String, CaseFacts> load(Connection c, String[] ids) throws SQLException {
        Map<String, CaseFacts> facts = new LinkedHashMap<>();
        if (ids.length == 0) {
            return facts;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT case_id, facts FROM " + schema + ".cases WHERE case_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", ids));
            Statements.planEachTime(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    facts.put(rs.getString(1), Json.read(rs.getString(2), CaseFacts.class));
                }
            }
        }
        return facts;
    }

    /**
     * The row of a case: the clear facts search filters on (needs as a list of codes), and all of them
     * as json (UTF-8 bytes when the row is for COPY).
     */
    private static Object[] row(CaseFacts f, boolean forCopy) {
        return new Object[] {f.caseId(), f.version(), f.person().nationality(), f.status().lifecycle().name(),
            f.status().whereabouts().name(), f.status().traffickingStatus().name(), f.person().compoundId(),
            f.person().escapedOn(), f.person().minor(), f.person().stateless(), f.person().intendsToReturn(),
            f.legal().detained(), f.erased(), f.care().needs().stream().map(Enum::name).toList(),
            SearchText.of(f), Json.column(f, forCopy)};
    }

    private void upsert(Connection c, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".cases (" + COLUMNS + ")"
                + " SELECT u.case_id, u.version, u.nationality, u.lifecycle, u.whereabouts, u.trafficking_status, u.compound_id,"
                + " u.escaped_on::date, u.minor, u.stateless, u.intends_to_return, u.detained, u.erased, u.needs::text[],"
                + " u.search_text, u.facts"
                + " FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bool[],"
                + " ?::bool[], ?::bool[], ?::bool[], ?::bool[], ?::text[], ?::text[], ?::text[])"
                + " AS u(" + COLUMNS + ")"
                + " ON CONFLICT (case_id) DO UPDATE SET version = EXCLUDED.version, nationality = EXCLUDED.nationality,"
                + " lifecycle = EXCLUDED.lifecycle, whereabouts = EXCLUDED.whereabouts, trafficking_status = EXCLUDED.trafficking_status,"
                + " compound_id = EXCLUDED.compound_id, escaped_on = EXCLUDED.escaped_on, minor = EXCLUDED.minor,"
                + " stateless = EXCLUDED.stateless, intends_to_return = EXCLUDED.intends_to_return, detained = EXCLUDED.detained,"
                + " erased = EXCLUDED.erased, needs = EXCLUDED.needs, search_text = EXCLUDED.search_text, facts = EXCLUDED.facts")) {
            Columns.of(rows, SENT.length).bind(c, s, SENT);
            s.executeUpdate();
        }
    }
}
