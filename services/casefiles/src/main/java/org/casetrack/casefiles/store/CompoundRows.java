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
import org.casetrack.avro.CompoundEvent;
import org.casetrack.casefiles.domain.CompoundFacts;

/** Applies compound events to the {@code compounds} and {@code compound_events} tables of one schema. */
final class CompoundRows {
    private final String schema;
    private final boolean bulk;

    CompoundRows(String schema, boolean bulk) {
        this.schema = schema;
        this.bulk = bulk;
    }

    List<Batch.Rejected> apply(Connection c, List<Batch.Projected<CompoundEvent>> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, CompoundFacts> facts = load(c, events);
        Set<String> changed = new LinkedHashSet<>();
        List<Batch.Projected<CompoundEvent>> applied = new ArrayList<>();
        List<Batch.Rejected> rejected = new ArrayList<>();
        for (Batch.Projected<CompoundEvent> projected : events) {
            String id = projected.event().getMetadata().getAggregateId();
            CompoundFacts current = facts.get(id);
            if (CompoundFacts.isApplied(current, projected.event())) {
                continue;
            }
            try {
                facts.put(id, CompoundFacts.apply(current, projected.event()));
            } catch (RuntimeException e) {
                rejected.add(new Batch.Rejected(projected.source(), e));
                continue;
            }
            changed.add(id);
            applied.add(projected);
        }
        upsert(c, changed.stream().map(facts::get).toList());
        HistoryRows.insertCompoundEvents(c, schema, applied, bulk);
        return rejected;
    }

    private Map<String, CompoundFacts> load(Connection c, List<Batch.Projected<CompoundEvent>> events) throws SQLException {
        String[] ids = events.stream().map(e -> e.event().getMetadata().getAggregateId()).distinct().toArray(String[]::new);
        Map<String, CompoundFacts> facts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT compound_id, facts FROM " + schema + ".compounds WHERE compound_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", ids));
            Statements.planEachTime(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    facts.put(rs.getString(1), Json.read(rs.getString(2), CompoundFacts.class));
                }
            }
        }
        return facts;
    }

    private void upsert(Connection c, List<CompoundFacts> compounds) throws SQLException {
        if (compounds.isEmpty()) {
            return;
        }
        List<Object[]> rows = compounds.stream()
                .map(f -> new Object[] {f.compoundId(), f.version(), f.name(), f.country(), f.status().name(), Json.write(f)}).toList();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".compounds (compound_id, version, name, country, status, facts)"
                + " SELECT u.id, u.version, u.name, u.country, u.status, u.facts"
                + " FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, version, name, country, status, facts)"
                + " ON CONFLICT (compound_id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name,"
                + " country = EXCLUDED.country, status = EXCLUDED.status, facts = EXCLUDED.facts")) {
            Columns.of(rows, 6).bind(c, s, "text", "int8", "text", "text", "text", "text");
            s.executeUpdate();
        }
    }
}
