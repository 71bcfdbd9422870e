package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.casetrack.devstack.ApiClient;
import org.casetrack.devstack.ApiClient.Reply;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.schemas.crypto.MasterKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of every service, in one process as standalone runs them, against every kind of
 * caller: no token, an unknown token, coordinator, monitor, embassy:TH and admin. Each cell is the
 * status the contract gives: the work done, 401, 403 or 404 (an embassy never learns that a case
 * of another nationality, or of a national who did not consent, exists).
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointMatrixTest {
    private static final List<String> CALLERS = List.of("none", "unknown", "coordinator", "monitor", "embassy:TH", "admin");

    private ApplicationContext context;
    private ApiClient api;
    private final Map<String, String> tokens = new HashMap<>();
    private String compoundId;
    private final List<String> cases = new ArrayList<>();
    private String vietnameseCase;

    @BeforeAll
    void start(TestScope scope) throws Exception {
        String admin = "matrix-admin-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        properties.put("casetrack.data-dir", Files.createTempDirectory(Path.of("target"), "matrix-").toString());
        properties.put("database.url", scope.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("casetrack.admin-token", admin);
        properties.put("casetrack.master-key", MasterKey.generate().toBase64());
        properties.put("casetrack.metrics.cluster-enabled", "false");
        properties.put("feeds.nationalities", "TH,VN");
        properties.put("ledger.application-id", scope.applicationId("ledger"));
        properties.put("views.application-id", scope.applicationId("views"));
        properties.put("feeds.application-id", scope.applicationId("feeds"));
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        context = server.getApplicationContext();
        api = new ApiClient(server.getURL().toString());
        tokens.put("none", null);
        tokens.put("unknown", "not-a-token-" + UUID.randomUUID());
        tokens.put("admin", admin);
        for (String role : List.of("coordinator", "monitor", "embassy:TH")) {
            tokens.put(role, api.issueToken(admin, role, role.replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8), "Matrix"));
        }
        fixtures();
    }

    private void fixtures() {
        String coordinator = tokens.get("coordinator");
        Reply compound = api.post("/api/v1/compounds", coordinator, Map.of("name", "Matrix compound", "country", "KH", "discoveredOn", "2026-01-05"));
        assertThat(compound.status()).as(compound.text()).isEqualTo(201);
        compoundId = compound.json().get("compoundId").asText();
        List<Map<String, Object>> persons = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            persons.add(Map.of("nationality", "TH", "ageBand", "25-34", "personalData", Map.of("fullName", "Invented Person " + i)));
        }
        Reply report = api.post("/api/v1/escapes", coordinator, Map.of("compoundId", compoundId, "occurredOn", "2026-01-17",
                "circumstance", "ESCAPED", "persons", persons));
        assertThat(report.status()).as(report.text()).isEqualTo(201);
        report.json().get("caseIds").forEach(id -> cases.add(id.asText()));
        Reply vn = api.post("/api/v1/escapes", coordinator, Map.of("compoundId", compoundId, "occurredOn", "2026-01-17",
                "circumstance", "RELEASED", "persons", List.of(Map.of("nationality", "VN"))));
        vietnameseCase = vn.json().get("caseIds").get(0).asText();
        // case 0 consents to the Thai embassy; case 3 was arrested; case 11 was closed
        assertThat(api.post("/api/v1/cases/" + cases.get(0) + "/consent", coordinator, Map.of("recipient", "embassy:TH", "given", true,
                "purposes", List.of("TRAVEL_DOCUMENT"), "dataCategories", List.of("IDENTITY"))).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/cases/" + cases.get(3) + "/arrest", coordinator, arrest()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/cases/" + cases.get(11) + "/close", coordinator, Map.of("reason", "LOST_CONTACT")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/cases/" + cases.get(0), coordinator).status() == 200
                && api.get("/api/v1/compounds/" + compoundId + "/victims", coordinator).status() == 200);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static Map<String, Object> arrest() {
        return Map.of("arrestedOn", "2026-01-20", "country", "TH", "detentionType", "CRIMINAL", "relatedToTrafficking", "NO");
    }

    /** One row: a request and the status each caller gets, in the order of CALLERS. */
    private record Row(String name, Function<String, Integer> call, int... expected) {
    }

    private Row post(String path, Object body, int... expected) {
        return new Row("POST " + path, token -> api.post(path, token, body).status(), expected);
    }

    private Row get(String path, int... expected) {
        return new Row("GET " + path, token -> api.get(path, token).status(), expected);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheContractSays() {
        String c = "/api/v1/cases/";
        String today = java.time.LocalDate.now().toString();
        List<Row> rows = new ArrayList<>();
        //                                                      none unknown coord monitor embassy admin
        rows.add(post("/api/v1/compounds", Map.of("name", "Row compound", "country", "KH", "discoveredOn", "2026-01-06"), 401, 401, 201, 403, 403, 403));
        rows.add(post("/api/v1/compounds/" + compoundId + "/status", Map.of("status", "RAIDED", "effectiveOn", "2026-01-18"), 401, 401, 201, 403, 403, 403));
        rows.add(post("/api/v1/compounds/" + compoundId + "/headcounts", Map.of("reportedOn", "2026-01-18", "min", 150, "max", 250), 401, 401, 201, 403, 403, 403));
        rows.add(post("/api/v1/compounds/" + compoundId + "/operator-arrests", Map.of("arrestedOn", "2026-01-18", "publicSource", "https://example.org/news"), 401, 401, 201, 403, 403, 403));
        rows.add(post("/api/v1/escapes", Map.of("compoundUnknown", true, "occurredOn", "2026-01-17", "circumstance", "ESCAPED",
                "persons", List.of(Map.of("nationality", "LA"))), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(1) + "/repatriation", Map.of("repatriatedOn", "2026-01-20", "destinationCountry", "TH"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(2) + "/arrest", arrest(), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(3) + "/detention-end", Map.of("endedOn", "2026-01-21", "outcome", "RELEASED"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(4) + "/consent", Map.of("recipient", "embassy:TH", "given", false), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(5) + "/screening", Map.of("traffickingStatus", "POSSIBLE", "decidedBy", "IOM"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(6) + "/referrals", Map.of("to", "Shelter", "service", "SHELTER", "referredOn", "2026-01-18"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(7) + "/assistance", Map.of("type", "MEDICAL", "providedOn", "2026-01-18"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(8) + "/travel-documents", Map.of("issuedOn", "2026-01-19", "issuedBy", "embassy:TH",
                "kind", "EMERGENCY_TRAVEL_DOCUMENT"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(9) + "/corrections", Map.of("field", "gender", "value", "FEMALE", "reason", "misheard"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(10) + "/close", Map.of("reason", "RETURNED"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + cases.get(11) + "/reopen", Map.of("reason", "back in contact"), 401, 401, 201, 403, 403, 403));
        rows.add(post(c + UUID.randomUUID() + "/screening", Map.of("traffickingStatus", "POSSIBLE", "decidedBy", "IOM"), 401, 401, 404, 403, 403, 403));
        rows.add(new Row("DELETE personal data", token -> api.delete(c + cases.get(12) + "/personal-data", token).status(), 401, 401, 403, 403, 403, 201));
        rows.add(get("/api/v1/commands/" + UUID.randomUUID(), 401, 401, 404, 403, 403, 404));
        rows.add(get("/api/v1/compounds", 401, 401, 200, 200, 200, 403));
        rows.add(get("/api/v1/compounds/" + compoundId + "/victims", 401, 401, 200, 200, 200, 403));
        rows.add(get("/api/v1/compounds/" + UUID.randomUUID() + "/victims", 401, 401, 404, 404, 404, 403));
        rows.add(get("/api/v1/stats/unrepatriated", 401, 401, 200, 200, 200, 403));
        rows.add(get("/api/v1/stats/timeline?from=2026-01-01&to=2026-01-31", 401, 401, 200, 200, 200, 403));
        rows.add(get("/api/v1/dashboard/snapshot", 401, 401, 200, 200, 200, 403));
        rows.add(get(c + cases.get(0), 401, 401, 200, 403, 200, 403));
        rows.add(get(c + cases.get(5), 401, 401, 200, 403, 404, 403));
        rows.add(get(c + vietnameseCase, 401, 401, 200, 403, 404, 403));
        rows.add(get(c + UUID.randomUUID(), 401, 401, 404, 403, 404, 403));
        rows.add(get("/api/v1/cases?nationality=TH", 401, 401, 200, 403, 200, 403));
        rows.add(get("/api/v1/disclosures?caseId=" + cases.get(0), 401, 401, 403, 403, 403, 200));
        rows.add(get("/api/v1/tokens", 401, 401, 403, 403, 403, 200));
        rows.add(post("/api/v1/tokens", Map.of("role", "monitor", "name", "row-" + UUID.randomUUID().toString().substring(0, 8),
                "organisation", "Matrix", "expiresAt", java.time.Instant.now().plus(Duration.ofDays(1)).toString()), 401, 401, 403, 403, 403, 201));
        rows.add(new Row("DELETE /api/v1/tokens/{unknown}", token -> api.delete("/api/v1/tokens/no-such-token", token).status(), 401, 401, 403, 403, 403, 404));
        rows.add(new Row("GET /api/v1/feed", token -> api.statusOf("/api/v1/feed", token), 401, 401, 403, 403, 200, 403));
        rows.add(get("/api/v1/feed/cases/" + vietnameseCase, 401, 401, 403, 403, 404, 403));
        rows.add(get("/api/v1/feed/cases/" + cases.get(5), 401, 401, 403, 403, 404, 403));
        rows.add(get("/api/v1/subscriptions", 401, 401, 403, 403, 200, 403));
        rows.add(get("/api/v1/subscriptions/" + UUID.randomUUID() + "/parked", 401, 401, 403, 403, 404, 403));
        rows.add(get("/prometheus", 401, 401, 403, 200, 403, 200));
        rows.add(get("/openapi", 401, 401, 200, 200, 200, 200));
        rows.add(get("/health", 200, 200, 200, 200, 200, 200));
        rows.add(get("/registry/subjects", 200, 200, 200, 200, 200, 200));
        rows.add(get("/dashboard", 200, 200, 200, 200, 200, 200));
        rows.add(get("/api/v1/no-such-endpoint", 404, 404, 404, 404, 404, 404));

        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.size(); i++) {
                int status = row.call().apply(tokens.get(CALLERS.get(i)));
                if (status != row.expected()[i]) {
                    wrong.computeIfAbsent(row.name(), k -> new ArrayList<>()).add(CALLERS.get(i) + ": " + status + " not " + row.expected()[i]);
                }
            }
        }
        assertThat(wrong).as("cells that differ from the contract (today %s)", today).isEmpty();
    }
}
