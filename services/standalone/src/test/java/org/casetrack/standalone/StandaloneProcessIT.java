package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casetrack.devstack.ApiClient;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.standalone.support.StandaloneProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The proof of issue 8: target/casetrack.jar started as a process with --demo on a fresh data
 * directory and free ports; the demo's numbers checked over HTTP; stopped with SIGTERM; started again
 * on the same directory with --demo again (JSON logs this time): the same numbers, and not one event
 * more. The methods run in order on the one data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneProcessIT {
    private static final Duration START = Duration.ofMinutes(5);

    private Path dataDir;
    private Map<String, String> environment;
    private StandaloneProcess process;
    private ApiClient api;
    private String adminToken;

    @BeforeAll
    void startWithDemo() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "standalone-it")).toAbsolutePath();
        dataDir = root.resolve("data-" + UUID.randomUUID());
        environment = new HashMap<>(Map.of(
                "CASETRACK_DATA_DIR", dataDir.toString(),
                "CASETRACK_HTTP_PORT", Integer.toString(StandaloneProcess.freePort()),
                "CASETRACK_KAFKA_PORT", Integer.toString(StandaloneProcess.freePort()),
                "CASETRACK_POSTGRES_PORT", Integer.toString(StandaloneProcess.freePort())));
        process = StandaloneProcess.start(environment, root.resolve(dataDir.getFileName() + "-first.log"), "--demo");
        api = new ApiClient(process.awaitReady(START));
        adminToken = process.printedAdminToken().orElseThrow(() -> new AssertionError("no admin token printed:\n" + process.output()));
        process.awaitOutput("casetrack demo done", START);
    }

    @AfterAll
    void stop() {
        if (process != null) {
            process.close();
        }
        DevStackExtension.deleteRecursively(dataDir);
        DevStackExtension.deleteRecursively(dataDir.resolveSibling(dataDir.getFileName() + ".master-key"));
    }

    @Test
    @Order(1)
    void demoNumbersAreServedByTheViews() {
        String coordinator = api.issueToken(adminToken, "coordinator", "it-" + UUID.randomUUID().toString().substring(0, 8), "casetrack IT");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> DemoNumbers.assertServedBy(api, coordinator));
    }

    @Test
    @Order(2)
    void healthReportsEveryPartUpToAnyone() {
        ApiClient.Reply health = api.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode details = health.json().path("details");
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        for (String part : new String[] {"kafka", "postgresql", "registry", "streams-ledger", "streams-views", "streams-embassy-feeds",
                "casefiles-projector"}) {
            assertThat(details.path(part).path("status").asText()).as(part).isEqualTo("UP");
        }
        assertThat(details.path("casefiles-projector").path("details").has("lag")).isTrue();
    }

    @Test
    @Order(3)
    void prometheusNeedsAMonitorTokenAndCountsTheDemoWithoutPersonalData() {
        String monitor = api.issueToken(adminToken, "monitor", "it-monitor-" + UUID.randomUUID().toString().substring(0, 8), "casetrack IT");
        String coordinator = api.issueToken(adminToken, "coordinator", "it-c-" + UUID.randomUUID().toString().substring(0, 8), "casetrack IT");

        assertThat(api.get("/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/prometheus", coordinator).status()).isEqualTo(403);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> DemoNumbers.assertMetrics(api.get("/prometheus", monitor)));
        // one rejected command, to see rejections counted by rule
        String repatriated = api.get("/api/v1/cases?lifecycle=REPATRIATED&size=1", coordinator).json().path("cases").get(0).path("caseId").asText();
        assertThat(api.post("/api/v1/cases/" + repatriated + "/repatriation", coordinator,
                Map.of("repatriatedOn", "2026-01-18", "destinationCountry", "TH")).status()).isEqualTo(409);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(api.get("/prometheus", monitor).text())
                .contains("casetrack_rejections_total{rule=\"ALREADY_REPATRIATED\"} 1.0"));
        DemoNumbers.assertNoCaseIdOrPersonalData(api.get("/prometheus", monitor).text(), api, coordinator);
    }

    @Test
    @Order(4)
    void openApiDocumentNeedsATokenAndItsUiIsServedLocally() {
        String monitor = api.issueToken(adminToken, "monitor", "it-doc-" + UUID.randomUUID().toString().substring(0, 8), "casetrack IT");

        assertThat(api.get("/openapi", null).status()).isEqualTo(401);
        ApiClient.Reply document = api.get("/openapi", monitor);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.text()).startsWith("openapi: 3").contains("/api/v1/escapes:", "/api/v1/compounds/{compoundId}/victims:",
                "/api/v1/cases/{caseId}:", "/api/v1/feed:", "/api/v1/tokens:", "/health:", "/prometheus:");
        ApiClient.Reply page = api.get("/openapi/ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui-bundle.js").doesNotContain("https://");
        assertThat(api.get("/openapi/ui/swagger-ui-bundle.js", null).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void registryReadsAreOpenAndWritesNeedTheAdmin() {
        ApiClient.Reply subjects = api.get("/registry/subjects", null);

        assertThat(subjects.status()).isEqualTo(200);
        assertThat(subjects.text()).contains("case-events-value");
        assertThat(api.post("/registry/subjects/it-value/versions", null, "{\"schema\":\"\\\"string\\\"\"}").status()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void masterKeyIsGeneratedOwnerOnlyBesideTheDataDirectoryNotInIt() throws Exception {
        Path keyFile = dataDir.resolveSibling(dataDir.getFileName() + ".master-key");

        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString)).noneMatch(p -> p.contains("master-key"));
        }
    }

    @Test
    @Order(7)
    void restartOnTheSameDataWithTheDemoAgainFindsTheSameNumbersAndNoNewEvents() throws Exception {
        String firstOutput = process.output();
        int exit = process.stop(Duration.ofMinutes(2));
        assertThat(process.output()).contains("casetrack stopped");
        assertThat(exit).isIn(0, 143);
        DemoNumbers.assertNoPersonalData(firstOutput);

        environment.put("CASETRACK_LOG_FORMAT", "json");
        process = StandaloneProcess.start(environment, dataDir.resolveSibling(dataDir.getFileName() + "-second.log"), "--demo");
        api = new ApiClient(process.awaitReady(START));
        String secondAdminToken = process.printedAdminToken().orElseThrow();
        assertThat(secondAdminToken).isNotEqualTo(adminToken);
        process.awaitOutput("casetrack demo done", START);

        String coordinator = api.issueToken(secondAdminToken, "coordinator", "it-again-" + UUID.randomUUID().toString().substring(0, 8),
                "casetrack IT");
        String monitor = api.issueToken(secondAdminToken, "monitor", "it-m-again-" + UUID.randomUUID().toString().substring(0, 8),
                "casetrack IT");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> DemoNumbers.assertServedBy(api, coordinator));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> DemoNumbers.assertMetrics(api.get("/prometheus", monitor)));
        DemoNumbers.assertJsonLogLines(process.output());
        DemoNumbers.assertNoPersonalData(process.output());
    }
}
