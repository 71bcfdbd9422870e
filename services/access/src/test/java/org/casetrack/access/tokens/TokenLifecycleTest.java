package org.casetrack.access.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.casetrack.access.auth.TokenSecrets;
import org.casetrack.access.support.AccessServer;
import org.casetrack.access.support.Planted;
import org.casetrack.access.support.Response;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issuing, using, listing, expiring and revoking tokens through the Tokens API. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenLifecycleTest {
    private AccessServer server;

    @BeforeAll
    void start(TestScope scope) {
        server = AccessServer.start(scope);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String name() {
        return "somchai-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void issuedTokenIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        String name = name();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Response issued = server.call("POST", "/api/v1/tokens", server.adminToken(),
                AccessServer.tokenRequest("embassy:TH", name, "Royal Thai Embassy Phnom Penh", expiresAt));

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.headers().firstValue("cache-control")).contains("no-store");
        JsonNode body = issued.json();
        String secret = Planted.token(body.get("token").asText());
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(body.get("role").asText()).isEqualTo("embassy:TH");
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(body.get("organisation").asText()).isEqualTo("Royal Thai Embassy Phnom Penh");
        assertThat(Instant.parse(body.get("expiresAt").asText())).isEqualTo(expiresAt);

        List<String> stored = storedColumnsAsText(name);
        assertThat(stored).contains(HexFormat.of().formatHex(TokenSecrets.hash(secret)));
        assertThat(stored).noneMatch(value -> value.contains(secret));

        Response listed = server.call("GET", "/api/v1/tokens", server.adminToken(), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(name).doesNotContain(secret)
                .doesNotContain(HexFormat.of().formatHex(TokenSecrets.hash(secret)));
    }

    @Test
    void principalOrganisationAndRolesComeFromTheToken() {
        String name = name();
        String secret = server.issue("embassy:TH", name, Instant.now().plusSeconds(3600));

        JsonNode who = server.call("GET", "/test/whoami", secret, null).json();
        assertThat(who.get("principal").asText()).isEqualTo(name);
        assertThat(who.get("organisation").asText()).isEqualTo("IOM Cambodia");
        assertThat(who.get("role").asText()).isEqualTo("embassy:TH");
        assertThat(who.get("embassyCountry").asText()).isEqualTo("TH");
        assertThat(who.get("roles")).extracting(JsonNode::asText).contains("embassy", "embassy:TH");
        assertThat(server.call("GET", "/test/embassy-only", secret, null).status()).isEqualTo(200);
        assertThat(server.call("GET", "/test/embassy-only", server.issue("coordinator"), null).status()).isEqualTo(403);

        JsonNode admin = server.call("GET", "/test/whoami", server.adminToken(), null).json();
        assertThat(admin.get("principal").asText()).isEqualTo("admin");
        assertThat(admin.get("organisation").asText()).isEqualTo("casetrack");
        assertThat(admin.get("role").asText()).isEqualTo("admin");
    }

    @Test
    void revokedTokenIsRefusedAtOnceEvenRightAfterItWasCached() {
        String name = name();
        String secret = server.issue("coordinator", name, Instant.now().plusSeconds(3600));
        assertThat(server.call("GET", "/test/whoami", secret, null).status()).isEqualTo(200);

        assertThat(server.call("DELETE", "/api/v1/tokens/" + name, server.adminToken(), null).status()).isEqualTo(204);

        Response refused = server.call("GET", "/test/whoami", secret, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(server.call("DELETE", "/api/v1/tokens/" + name, server.adminToken(), null).status()).isEqualTo(404);
        assertThat(server.call("GET", "/api/v1/tokens", server.adminToken(), null).body()).doesNotContain(name);
    }

    @Test
    void expiredTokenIsRefusedEvenWhileCached() {
        String secret = server.issue("monitor", name(), Instant.now().plusSeconds(2));
        assertThat(server.call("GET", "/test/whoami", secret, null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> server.call("GET", "/test/whoami", secret, null).status() == 401);
    }

    @Test
    void expiredTokenFoundInTheDatabaseIsRefused() throws Exception {
        String secret = Planted.token(TokenSecrets.generate());
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO \"primary\".tokens (token_hash, name, role, organisation,"
                     + " issued_by, expires_at) VALUES (?, ?, 'coordinator', 'IOM', 'admin', now() - interval '1 minute')")) {
            s.setBytes(1, TokenSecrets.hash(secret));
            s.setString(2, name());
            s.executeUpdate();
        }
        assertThat(server.call("GET", "/test/whoami", secret, null).status()).isEqualTo(401);
    }

    @Test
    void nameIsUniqueAmongActiveTokensOnlyAndExpiredNamesCanBeReused() {
        String name = name();
        server.issue("coordinator", name, Instant.now().plusSeconds(3600));
        Response duplicate = server.call("POST", "/api/v1/tokens", server.adminToken(),
                AccessServer.tokenRequest("monitor", name, "IOM", Instant.now().plusSeconds(3600)));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");

        server.call("DELETE", "/api/v1/tokens/" + name, server.adminToken(), null);
        server.issue("monitor", name, Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.call("POST", "/api/v1/tokens", server.adminToken(),
                AccessServer.tokenRequest("monitor", name, "IOM", Instant.now().plusSeconds(3600))).status() == 201);
    }

    @Test
    void invalidTokenRequestsAreRefusedWithEveryFieldNamedAndNothingIssued() {
        int before = server.call("GET", "/api/v1/tokens", server.adminToken(), null).json().get("tokens").size();

        Response invalid = server.call("POST", "/api/v1/tokens", server.adminToken(),
                "{\"role\":\"embassy:XX\",\"name\":\"\",\"organisation\":\"IOM\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("role", "name", "expiresAt");

        for (String role : List.of("embassy:th", "embassy:ZZ", "embassy", "superuser", "Coordinator")) {
            assertThat(server.call("POST", "/api/v1/tokens", server.adminToken(),
                    AccessServer.tokenRequest(role, name(), "IOM", Instant.now().plusSeconds(60))).status()).as(role).isEqualTo(400);
        }
        assertThat(server.call("POST", "/api/v1/tokens", server.adminToken(),
                "{\"role\":\"monitor\",\"name\":\"" + name() + "\",\"organisation\":\"IOM\"}").status()).isEqualTo(400);
        assertThat(server.call("POST", "/api/v1/tokens", server.adminToken(), "{\"role\":\"monitor\",\"name\":\"" + name()
                + "\",\"organisation\":\"IOM\",\"expiresAt\":\"" + Instant.now().plusSeconds(60) + "\",\"admin\":true}").status())
                .isEqualTo(400);
        assertThat(server.call("POST", "/api/v1/tokens", server.adminToken(), "{\"role\":\"monitor\",\"name\":\"a/b\","
                + "\"organisation\":\"IOM\",\"expiresAt\":\"" + Instant.now().plusSeconds(60) + "\"}").status()).isEqualTo(400);

        assertThat(server.call("GET", "/api/v1/tokens", server.adminToken(), null).json().get("tokens").size()).isEqualTo(before);
    }

    @Test
    void malformedAuthorizationHeadersAreUnauthorized() {
        String secret = server.issue("coordinator");
        for (String header : List.of("Basic " + secret, secret, "Bearer", "Bearer " + secret + "x", "Bearer " + "a".repeat(600))) {
            Response response = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/test/whoami"))
                    .header("Authorization", header).GET().build());
            assertThat(response.status()).as(header.length() > 20 ? header.substring(0, 20) : header).isEqualTo(401);
        }
    }

    private DataSource dataSource() {
        return server.bean(DataSource.class);
    }

    private List<String> storedColumnsAsText(String name) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT encode(token_hash, 'hex'), t::text FROM \"primary\".tokens t WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                    values.add(rs.getString(2));
                }
            }
        }
        return values;
    }
}
