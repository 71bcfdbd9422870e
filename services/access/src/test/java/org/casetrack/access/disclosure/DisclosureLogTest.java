package org.casetrack.access.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.casetrack.access.support.AccessServer;
import org.casetrack.access.support.Response;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The disclosure log: written by services, read by admins, and append-only in the database itself. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureLogTest {
    private AccessServer server;
    private DisclosureLog log;

    @BeforeAll
    void start(TestScope scope) {
        server = AccessServer.start(scope);
        log = server.bean(DisclosureLog.class);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void recordedDisclosuresAreListedForTheirCaseOldestFirst() {
        String caseId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Disclosure read = new Disclosure(now.minusSeconds(60), "somchai", "IOM Cambodia", Disclosure.READ, caseId,
                "case file with personal data", "screening interview");
        Disclosure feed = new Disclosure(now, "embassy-th", "Royal Thai Embassy", Disclosure.WEBHOOK, caseId,
                "IDENTITY, CONTACT", "consent DSA-2026-004");
        Disclosure other = new Disclosure(now, "somchai", "IOM Cambodia", Disclosure.SEARCH, UUID.randomUUID().toString(), null, null);

        log.recordAll(List.of(feed, other));
        log.record(read);

        assertThat(log.forCase(caseId)).containsExactly(read, feed);
        log.recordAll(List.of());
        assertThat(log.forCase(caseId)).hasSize(2);
    }

    @Test
    void adminsReadTheLogOfACaseOverHttp() {
        String caseId = UUID.randomUUID().toString();
        log.record(new Disclosure(Instant.now(), "somchai", "IOM Cambodia", Disclosure.EXPORT, caseId, "case file", "referral"));

        Response response = server.call("GET", "/api/v1/disclosures?caseId=" + caseId, server.adminToken(), null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("caseId").asText()).isEqualTo(caseId);
        assertThat(body.get("disclosures")).hasSize(1);
        JsonNode entry = body.get("disclosures").get(0);
        assertThat(entry.get("principal").asText()).isEqualTo("somchai");
        assertThat(entry.get("organisation").asText()).isEqualTo("IOM Cambodia");
        assertThat(entry.get("action").asText()).isEqualTo("EXPORT");
        assertThat(entry.get("why").asText()).isEqualTo("referral");
        assertThat(Instant.parse(entry.get("at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(server.call("GET", "/api/v1/disclosures?caseId=" + caseId, server.issue("coordinator"), null).status()).isEqualTo(403);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheLog() throws SQLException {
        String caseId = UUID.randomUUID().toString();
        log.record(new Disclosure(Instant.now(), "somchai", "IOM Cambodia", Disclosure.READ, caseId, "case file", "audit"));
        try (Connection c = server.bean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE \"primary\".disclosures SET why = 'nothing' WHERE case_id = '" + caseId + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM \"primary\".disclosures WHERE case_id = '" + caseId + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("TRUNCATE \"primary\".disclosures")).hasMessageContaining("append-only");
        }
        assertThat(log.forCase(caseId)).hasSize(1).first().extracting(Disclosure::why).isEqualTo("audit");
    }

    @Test
    void aDisclosureWithoutWhoOrWhichCaseIsRefused() {
        assertThatThrownBy(() -> new Disclosure(Instant.now(), " ", "IOM", Disclosure.READ, "c", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("principal");
        assertThatThrownBy(() -> new Disclosure(Instant.now(), "p", "IOM", Disclosure.READ, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseId");
    }
}
