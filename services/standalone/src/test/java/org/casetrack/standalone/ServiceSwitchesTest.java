package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casetrack.access.auth.TokenSecrets;
import org.casetrack.casefiles.projector.ProjectorLifecycle;
import org.casetrack.devstack.ApiClient;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.feeds.FeedsLifecycle;
import org.casetrack.ledger.config.LedgerService;
import org.casetrack.schemas.crypto.MasterKey;
import org.casetrack.views.config.ViewsService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process that runs one service only, as each compose container does (CASETRACK_SERVICES=intake):
 * the other services' start-up beans do not exist, their routes answer 404, and /health reports
 * only the parts this process runs.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceSwitchesTest {
    private ApplicationContext context;
    private ApiClient api;
    private String adminToken;

    @BeforeAll
    void startIntakeOnly(TestScope scope) throws Exception {
        adminToken = TokenSecrets.generate();
        Map<String, Object> properties = new HashMap<>(StandaloneSettings.from(Map.of("CASETRACK_SERVICES", "intake")).serviceSwitches());
        properties.put("micronaut.server.port", -1);
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        properties.put("casetrack.data-dir", Files.createTempDirectory(Path.of("target"), "switches-").toString());
        properties.put("database.url", scope.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("casetrack.admin-token", adminToken);
        properties.put("casetrack.master-key", MasterKey.generate().toBase64());
        properties.put("casetrack.metrics.cluster-enabled", "false");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        context = server.getApplicationContext();
        api = new ApiClient(server.getURL().toString());
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void otherServicesStartUpBeansDoNotExist() {
        assertThat(context.findBean(LedgerService.class)).isEmpty();
        assertThat(context.findBean(ViewsService.class)).isEmpty();
        assertThat(context.findBean(ProjectorLifecycle.class)).isEmpty();
        assertThat(context.findBean(FeedsLifecycle.class)).isEmpty();
    }

    @Test
    void routesOfServicesRunningElsewhereAnswerNotFound() {
        String coordinator = api.issueToken(adminToken, "coordinator", "c-" + UUID.randomUUID().toString().substring(0, 8), "casetrack test");
        String embassy = api.issueToken(adminToken, "embassy:TH", "e-" + UUID.randomUUID().toString().substring(0, 8), "casetrack test");

        for (String path : new String[] {"/api/v1/compounds", "/api/v1/stats/unrepatriated", "/api/v1/cases"}) {
            ApiClient.Reply reply = api.get(path, coordinator);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(api.get("/api/v1/subscriptions", embassy).status()).isEqualTo(404);
        // intake's own routes answer: an empty report is refused as invalid, not as absent
        assertThat(api.post("/api/v1/escapes", coordinator, "{}").status()).isEqualTo(400);
    }

    @Test
    void healthReportsOnlyThePartsThisProcessRuns() {
        ApiClient.Reply health = api.get("/health", null);
        JsonNode details = health.json().path("details");

        assertThat(health.status()).isEqualTo(200);
        assertThat(details.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(details.path("postgresql").path("status").asText()).isEqualTo("UP");
        assertThat(details.path("registry").path("status").asText()).isEqualTo("UP");
        assertThat(details.has("streams-ledger") || details.has("streams-views") || details.has("streams-embassy-feeds")
                || details.has("casefiles-projector")).isFalse();
    }
}
