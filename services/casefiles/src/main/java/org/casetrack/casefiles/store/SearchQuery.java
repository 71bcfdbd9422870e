package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.EmbassyAccess;

/**
 * The SQL of a search: every filter a bound parameter, the embassy restriction (own nationals with a
 * current consent, never stateless or not intending to return, minors only with a best-interests
 * decision) in the same WHERE, so totals and pages never count what the caller may not see.
 */
final class SearchQuery {
    private final StringBuilder where = new StringBuilder(" WHERE TRUE");
    private final List<Object> parameters = new ArrayList<>();

    private SearchQuery() {
    }

    static SearchPage run(Connection c, String schema, SearchCriteria criteria) throws SQLException {
        SearchQuery q = new SearchQuery();
        q.filter(schema, criteria);
        String from = " FROM " + schema + ".cases c LEFT JOIN " + schema + ".compounds cp ON cp.compound_id = c.compound_id";
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT count(*)" + from + q.where)) {
            q.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<SearchPage.Hit> hits = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.facts, cp.name" + from + q.where
                + " ORDER BY c.escaped_on, c.case_id LIMIT ? OFFSET ?")) {
            int next = q.bind(s);
            s.setInt(next, criteria.size());
            s.setLong(next + 1, (long) criteria.page() * criteria.size());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hits.add(new SearchPage.Hit(Json.read(rs.getString(1), CaseFacts.class), rs.getString(2)));
                }
            }
        }
        return new SearchPage(total, hits);
    }

    private void filter(String schema, SearchCriteria criteria) {
        criteria.embassy().ifPresent(e -> {
            where.append(" AND c.nationality = ? AND NOT c.stateless AND c.intends_to_return AND EXISTS (SELECT 1 FROM ")
                    .append(schema).append(".case_consents k WHERE k.case_id = c.case_id AND k.recipient = ? AND k.given")
                    .append(" AND (k.expires_on IS NULL OR k.expires_on >= ?) AND (NOT c.minor OR k.best_interests))");
            parameters.add(e.country());
            parameters.add(EmbassyAccess.recipient(e.country()));
            parameters.add(Date.valueOf(e.today()));
        });
        criteria.nationality().ifPresent(n -> condition(" AND c.nationality = ?", n));
        criteria.lifecycle().ifPresent(l -> condition(" AND c.lifecycle = ?", l.name()));
        criteria.compoundId().ifPresent(id -> condition(" AND c.compound_id = ?", id));
        criteria.escapedFrom().ifPresent(d -> condition(" AND c.escaped_on >= ?", Date.valueOf(d)));
        criteria.escapedTo().ifPresent(d -> condition(" AND c.escaped_on <= ?", Date.valueOf(d)));
        if (!criteria.needs().isEmpty()) {
            condition(" AND c.needs @> ?::text[]", Columns.arrayLiteral(criteria.needs().stream().map(Enum::name).toList()));
        }
        criteria.text().ifPresent(t -> {
            String pattern = "%" + t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (c.search_text LIKE ? OR lower(cp.name) LIKE ?)");
            parameters.add(pattern);
            parameters.add(pattern);
        });
    }

    private void condition(String sql, Object parameter) {
        where.append(sql);
        parameters.add(parameter);
    }

    /** @return the index of the next parameter */
    private int bind(PreparedStatement s) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            s.setObject(i + 1, parameters.get(i));
        }
        return parameters.size() + 1;
    }
}
