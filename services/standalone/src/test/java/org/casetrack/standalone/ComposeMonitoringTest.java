package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casetrack.standalone.support.ComposeFile;
import org.junit.jupiter.api.Test;

/**
 * Prometheus and Grafana of docker-compose.yml: Prometheus scrapes every service's /prometheus with
 * the monitor token the init step writes, and Grafana provisions the casetrack dashboard on it,
 * whose queries name only metrics casetrack exports (the standalone-process test scrapes them).
 */
class ComposeMonitoringTest {
    /** The casetrack_ metrics the code registers (StandaloneProcessIT finds them in a real scrape). */
    static final Set<String> METRICS = Set.of("casetrack_events_total", "casetrack_rejections_total", "casetrack_consumer_lag_records",
            "casetrack_view_lag_records", "casetrack_projector_lag_records", "casetrack_dlq_records", "casetrack_feed_deliveries_total",
            "casetrack_feed_delivery_failures_total", "casetrack_feed_subscriptions_suspended");
    private static final Pattern METRIC = Pattern.compile("casetrack_[a-z_]+");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceWithTheMonitorTokenTheInitStepWrites() throws Exception {
        Map<String, Object> config = ComposeFile.yaml(ComposeFile.ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        Map<String, Object> authorization = (Map<String, Object>) job.get("authorization");

        assertThat(job.get("metrics_path")).isEqualTo("/prometheus");
        List<String> expected = ComposeFileTest.serviceModules().stream()
                .map(m -> m + ":" + compose.environment(m).get("CASETRACK_HTTP_PORT")).toList();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(authorization.get("type")).isEqualTo("Bearer");
        assertThat(authorization).doesNotContainKey("credentials");

        Path tokenFile = Path.of(String.valueOf(authorization.get("credentials_file")));
        String written = compose.environment("casetrack-init").get("CASETRACK_DEPLOY_PROMETHEUS_TOKEN_FILE");
        String volume = volumeAt(compose.list("casetrack-init", "volumes"), Path.of(written).getParent().toString());
        assertThat(volumeAt(compose.list("prometheus", "volumes"), tokenFile.getParent().toString()))
                .as("Prometheus mounts the volume the init step writes its token to").isEqualTo(volume);
        assertThat(tokenFile.getFileName()).isEqualTo(Path.of(written).getFileName());
        assertThat(String.valueOf(compose.dependsOn("prometheus").get("casetrack-init"))).contains("service_completed_successfully");
        assertThat(compose.list("prometheus", "volumes")).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaProvisionsTheCasetrackDashboardOnPrometheus() throws Exception {
        Map<String, Object> datasources = ComposeFile.yaml(ComposeFile.ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        Map<String, Object> providers = ComposeFile.yaml(ComposeFile.ROOT.resolve("deploy/grafana/provisioning/dashboards/casetrack.yml"));
        String dashboardsPath = String.valueOf(((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers")).get(0)
                .get("options")).get("path"));

        assertThat(datasource.get("url")).isEqualTo("http://prometheus:" + ComposeFileTest.containerPort(compose.list("prometheus", "ports").get(0)));
        assertThat(compose.list("grafana", "volumes")).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:" + dashboardsPath + ":ro");
        assertThat(compose.environment("grafana")).containsKey("GF_SECURITY_ADMIN_PASSWORD").containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false");

        JsonNode dashboard = new ObjectMapper().readTree(ComposeFile.ROOT.resolve("deploy/grafana/dashboards/casetrack.json").toFile());
        assertThat(dashboard.path("title").asText()).isEqualTo("casetrack");
        Set<String> queried = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(datasource.get("uid"));
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group());
                }
            }
        }
        assertThat(METRICS).as("every query names a metric casetrack exports").containsAll(queried);
        assertThat(queried).as("the dashboard shows every business metric").containsAll(METRICS);
    }

    /** The named volume mounted at a path (entries are "volume:/path[:ro]"). */
    private static String volumeAt(List<String> volumes, String path) {
        return volumes.stream().map(v -> v.split(":")).filter(p -> p[1].equals(path)).map(p -> p[0]).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path + " in " + volumes));
    }
}
