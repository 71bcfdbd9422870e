package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.CaseFactsEvolver;
import org.casetrack.casefiles.domain.SearchText;

/**
 * Applies case events to the {@code cases}, {@code case_consents} and {@code case_events} tables of
 * one schema: loads the touched cases once, folds the batch's events in memory, and writes each
 * table with one multi-row statement (in a rebuild, cases seen for the first time by COPY). An
 * event whose sequence the case already has is skipped, so a replay changes nothing.
 */
final class CaseRows {
    private static final String COLUMNS = "case_id, version, nationality, lifecycle, whereabouts, trafficking_status, compound_id,"
            + " escaped_on, minor, stateless, intends_to_return, detained, erased, needs, search_text, facts";
    private static final String[] SENT = {"text", "int8", "text", "text", "text", "text", "text", "text", "bool", "bool", "bool", "bool",
        "bool", "text", "text", "text"};

    private final String schema;
    private final boolean bulk;
    private final ConsentRows consents;

    CaseRows(String schema, boolean bulk) {
        this.schema = schema;
        this.bulk = bulk;
        this.consents = new ConsentRows(schema);
    }

    List<Batch.Rejected> apply(Connection c, List<Batch.Projected<CaseEvent>> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, CaseFacts> facts = load(c, events);
        Set<String> stored = Set.copyOf(facts.keySet());
        Set<String> changed = new LinkedHashSet<>();
        Set<String> consentsChanged = new LinkedHashSet<>();
        List<Batch.Projected<CaseEvent>> applied = new ArrayList<>();
        List<Batch.Rejected> rejected = new ArrayList<>();
        for (Batch.Projected<CaseEvent> projected : events) {
            CaseEvent event = projected.event();
            String caseId = event.getMetadata().getAggregateId();
            CaseFacts current = facts.get(caseId);
            if (CaseFactsEvolver.isApplied(current, event)) {
                continue;
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
        List<Object[]> created = new ArrayList<>();
        List<Object[]> updated = new ArrayList<>();
        for (String caseId : changed) {
            (bulk && !stored.contains(caseId) ? created : updated).add(row(facts.get(caseId)));
        }
        if (!created.isEmpty()) {
            Copy.in(c, schema + ".cases", COLUMNS, created);
        }
        upsert(c, updated);
        consents.replace(c, consentsChanged.stream().map(facts::get).toList());
        HistoryRows.insertCaseEvents(c, schema, applied, bulk);
        return rejected;
    }

    private Map<String, CaseFacts> load(Connection c, List<Batch.Projected<CaseEvent>> events) throws SQLException {
        String[] ids = events.stream().map(e -> e.event().getMetadata().getAggregateId()).distinct().toArray(String[]::new);
        Map<String, CaseFacts> facts = new LinkedHashMap<>();
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

    /** The row of a case: the clear facts search filters on, and all of them as json. */
    private static Object[] row(CaseFacts f) {
        return new Object[] {f.caseId(), f.version(), f.person().nationality(), f.status().lifecycle().name(),
            f.status().whereabouts().name(), f.status().traffickingStatus().name(), f.person().compoundId(),
            f.person().escapedOn().toString(), f.person().minor(), f.person().stateless(), f.person().intendsToReturn(),
            f.legal().detained(), f.erased(), Columns.arrayLiteral(f.care().needs().stream().map(Enum::name).toList()),
            SearchText.of(f), Json.write(f)};
    }

    private void upsert(Connection c, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".cases (" + COLUMNS + ")"
                + " SELECT u.case_id, u.version, u.nationality, u.lifecycle, u.whereabouts, u.trafficking_status, u.compound_id,"
                + " u.escaped_on::date, u.minor, u.stateless, u.intends_to_return, u.detained, u.erased, u.needs::text[],"
                + " u.search_text, u.facts::json"
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
