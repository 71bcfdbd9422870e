package org.casetrack.casefiles.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.Consent;

/** {@code case_consents}: each case's current consent per recipient, replaced whenever a ConsentRecorded changes them. */
final class ConsentRows {
    private static final String[] SENT = {"text", "text", "bool", "text", "text", "bool", "text"};

    private final String schema;

    ConsentRows(String schema) {
        this.schema = schema;
    }

    void replace(Connection c, List<CaseFacts> cases) throws SQLException {
        if (cases.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + schema + ".case_consents WHERE case_id = ANY(?)")) {
            delete.setArray(1, c.createArrayOf("text", cases.stream().map(CaseFacts::caseId).toArray(String[]::new)));
            delete.executeUpdate();
        }
        List<Object[]> rows = new ArrayList<>();
        for (CaseFacts f : cases) {
            for (Consent consent : f.consents()) {
                rows.add(new Object[] {f.caseId(), consent.recipient(), consent.given(),
                    Columns.arrayLiteral(consent.dataCategories().stream().map(Enum::name).toList()),
                    consent.expiresOn() == null ? null : consent.expiresOn().toString(), consent.bestInterestsDecision(),
                    consent.recordedOn().toString()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema + ".case_consents"
                + " (case_id, recipient, given, data_categories, expires_on, best_interests, recorded_on)"
                + " SELECT u.case_id, u.recipient, u.given, u.categories::text[], u.expires_on::date, u.best_interests, u.recorded_on::date"
                + " FROM unnest(?::text[], ?::text[], ?::bool[], ?::text[], ?::text[], ?::bool[], ?::text[])"
                + " AS u(case_id, recipient, given, categories, expires_on, best_interests, recorded_on)")) {
            Columns.of(rows, SENT.length).bind(c, insert, SENT);
            insert.executeUpdate();
        }
    }
}
