package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casetrack.devstack.BrokerProcess;
import org.casetrack.standalone.support.ComposeFile;
import org.casetrack.standalone.support.SettingsCatalog;
import org.casetrack.standalone.support.SettingsCatalog.Setting;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started on the development machines (no Docker engine), so it is
 * checked here against the code: the infrastructure (3 KRaft brokers, Apicurio on PostgreSQL), a
 * container per service module, every variable set being one the code reads and every one it needs
 * being set, ports that agree, and the init step finishing before any service starts.
 */
class ComposeFileTest {
    /** Settings without a default that a container may leave unset, and why. */
    private static final Map<String, String> OPTIONAL = Map.of(
            "SCHEMA_REGISTRY_AUTHORIZATION", "Apicurio runs without authentication inside the compose network",
            "CASETRACK_MASTER_KEY_FILE", "CASETRACK_MASTER_KEY is set",
            "LEDGER_APPLICATION_ID", "defaults to <prefix>ledger",
            "CASETRACK_DEPLOY_PROMETHEUS_TOKEN_FILE", "read by the init step only");
    private static final Pattern MODULE = Pattern.compile("<module>services/([a-z-]+)</module>");
    private static final Set<String> NOT_SERVICES = Set.of("devstack", "platform", "access", "standalone");

    private final ComposeFile compose = ComposeFile.load();
    private final Map<String, Setting> settings = SettingsCatalog.byVariable();

    static List<String> serviceModules() throws Exception {
        Matcher m = MODULE.matcher(Files.readString(ComposeFile.ROOT.resolve("pom.xml")));
        List<String> modules = new java.util.ArrayList<>();
        while (m.find()) {
            if (!NOT_SERVICES.contains(m.group(1))) {
                modules.add(m.group(1));
            }
        }
        return modules;
    }

    @Test
    void everyServiceModuleRunsInAContainerOfItsOwnFromTheProjectsImage() throws Exception {
        List<String> modules = serviceModules();

        assertThat(modules).contains("intake", "ledger", "views", "casefiles", "embassy-feeds");
        for (String module : modules) {
            assertThat(compose.casetrackContainers()).as("a container for " + module).contains(module);
            assertThat(compose.environment(module)).containsEntry("CASETRACK_SERVICES", module);
            assertThat(StandaloneSettings.services(module)).hasSize(1);
        }
        Map<String, Object> build = (Map<String, Object>) compose.service("intake").get("build");
        assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "deploy/Dockerfile");
        assertThat(Files.readString(ComposeFile.ROOT.resolve("deploy/Dockerfile")))
                .contains("mvn -q -B package -DskipTests", "services/standalone/target/casetrack.jar", "\"-jar\", \"/app/casetrack.jar\"");
        long computingClusterMetrics = modules.stream()
                .filter(m -> "true".equals(compose.environment(m).get("CASETRACK_METRICS_CLUSTER_ENABLED"))).count();
        assertThat(computingClusterMetrics).as("cluster-wide metrics come from exactly one container").isEqualTo(1);
    }

    @Test
    void everyVariableSetIsOneTheCodeReadsAndEverySettingWithoutADefaultIsSet() {
        assertThat(settings).as("the settings of every module are found").containsKeys("KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL",
                "CASETRACK_MASTER_KEY", "INTAKE_OUTCOME_TIMEOUT", "LEDGER_COMPOUND_GRACE", "VIEWS_PEER_SECRET", "CASEFILES_GROUP_ID",
                "FEEDS_SSE_MAX_STREAMS", "CASETRACK_METRICS_CLUSTER_ENABLED");
        for (String container : compose.casetrackContainers()) {
            Map<String, String> env = compose.environment(container);
            for (String variable : env.keySet()) {
                assertThat(settings.containsKey(variable) || StandaloneSettings.VARIABLES.contains(variable))
                        .as(container + " sets " + variable + ", which no casetrack code reads").isTrue();
            }
            Set<String> runs = env.containsKey("CASETRACK_SERVICES") ? StandaloneSettings.services(env.get("CASETRACK_SERVICES")) : Set.of();
            for (Setting setting : settings.values()) {
                String service = serviceOf(setting.owner());
                boolean needed = service == null || runs.contains(service);
                if (needed && !setting.hasDefault() && !OPTIONAL.containsKey(setting.variable())) {
                    assertThat(env).as(container + " must set " + setting.variable() + " (" + setting.owner().getSimpleName()
                            + " has no default)").containsKey(setting.variable());
                }
            }
            // defaults that are wrong for a cluster: the embedded servers, replication 1
            assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD",
                    "SCHEMA_REGISTRY_URL", "CASETRACK_ADMIN_TOKEN", "CASETRACK_MASTER_KEY", "CASETRACK_DATA_DIR");
            assertThat(env).containsEntry("CASETRACK_REPLICATION_FACTOR", "3").containsEntry("CASETRACK_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("SCHEMA_REGISTRY_AUTO_REGISTER", "false");
        }
        assertThat(compose.environment("casetrack-init")).containsKey("CASETRACK_DEPLOY_PROMETHEUS_TOKEN_FILE");
    }

    @Test
    void serversAndPortsAgreeAcrossContainers() throws Exception {
        List<String> brokers = compose.services().keySet().stream().filter(s -> s.startsWith("kafka-")).sorted().toList();
        Map<String, String> postgres = compose.environment("postgres");
        for (String container : compose.casetrackContainers()) {
            Map<String, String> env = compose.environment(container);
            assertThat(List.of(env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")))
                    .containsExactlyElementsOf(brokers.stream().map(b -> compose.environment(b).get("KAFKA_ADVERTISED_LISTENERS")
                            .replace("PLAINTEXT://", "")).toList());
            assertThat(env.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(env.get("DATABASE_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("DATABASE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            assertThat(env.get("SCHEMA_REGISTRY_URL")).isEqualTo("http://registry:" + containerPort(compose.list("registry", "ports").get(0))
                    + "/apis/ccompat/v7");
            assertThat(env.get("CASETRACK_MIN_INSYNC_REPLICAS")).isEqualTo(compose.environment("kafka-1").get("KAFKA_MIN_INSYNC_REPLICAS"));
        }
        Set<String> hostPorts = new HashSet<>();
        for (String module : serviceModules()) {
            String port = compose.environment(module).get("CASETRACK_HTTP_PORT");
            assertThat(compose.list(module, "ports")).hasSize(1);
            assertThat(containerPort(compose.list(module, "ports").get(0))).as(module + " publishes its HTTP port").isEqualTo(port);
            assertThat(hostPorts.add(compose.list(module, "ports").get(0).split(":")[0])).as("host ports are distinct").isTrue();
            assertThat(String.valueOf(((Map<?, ?>) compose.service(module).get("healthcheck")).get("test")))
                    .contains("http://localhost:" + port + "/health");
        }
        assertThat(compose.environment("views").get("VIEWS_ADVERTISED_HOST")).isEqualTo(compose.service("views").get("hostname"))
                .isEqualTo("views");
    }

    @Test
    void initStepProvisionsAndRegistersBeforeAnyServiceStarts() throws Exception {
        List<String> entrypoint = compose.list("casetrack-init", "entrypoint");
        String mainClass = entrypoint.get(entrypoint.size() - 1);
        assertThat(Class.forName(mainClass).getMethod("main", String[].class)).isNotNull();
        assertThat(mainClass).isEqualTo(org.casetrack.standalone.deploy.DeployInit.class.getName());
        assertThat(String.valueOf(compose.service("casetrack-init").get("restart"))).isEqualTo("no");
        Map<String, Object> initNeeds = compose.dependsOn("casetrack-init");
        for (String server : List.of("kafka-1", "kafka-2", "kafka-3", "postgres", "registry")) {
            assertThat(String.valueOf(initNeeds.get(server))).as("init waits for " + server).contains("service_healthy");
        }
        for (String module : serviceModules()) {
            assertThat(String.valueOf(compose.dependsOn(module).get("casetrack-init"))).as(module + " starts after the init step")
                    .contains("service_completed_successfully");
        }
    }

    @Test
    void threeKraftBrokersFormOneQuorumWithReplicationThreeAndMinInsyncTwo() {
        List<String> brokers = compose.services().keySet().stream().filter(s -> s.startsWith("kafka-")).sorted().toList();

        assertThat(brokers).containsExactly("kafka-1", "kafka-2", "kafka-3");
        for (int i = 0; i < brokers.size(); i++) {
            Map<String, String> env = compose.environment(brokers.get(i));
            assertThat(env.get("KAFKA_NODE_ID")).isEqualTo(Integer.toString(i + 1));
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + brokers.get(i) + ":9092");
            assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3").containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3").containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            assertThat(String.valueOf(compose.service(brokers.get(i)).get("image"))).startsWith("apache/kafka:4.3");
        }
    }

    @Test
    void theBrokersRunTheJvmOptionsTheBenchMeasures() {
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, String> env = compose.environment(broker);
            assertThat(env.get("KAFKA_JVM_PERFORMANCE_OPTS")).as(broker + "'s KAFKA_JVM_PERFORMANCE_OPTS")
                    .isEqualTo(String.join(" ", BrokerProcess.BROKER_PERFORMANCE_OPTIONS));
            // unset, kafka-server-start.sh gives the broker its default heap, the one BrokerProcess gives it
            assertThat(env).as(broker + " keeps Kafka's default heap").doesNotContainKey("KAFKA_HEAP_OPTS");
        }
        assertThat(BrokerProcess.KAFKA_HEAP_OPTIONS).containsExactly("-Xmx1G", "-Xms1G");
        assertThat(BrokerProcess.BROKER_JVM_OPTIONS).startsWith(BrokerProcess.KAFKA_HEAP_OPTIONS.toArray(String[]::new));
    }

    @Test
    void apicurioRegistryStoresItsSchemasInPostgresql() throws Exception {
        Map<String, String> env = compose.environment("registry");

        assertThat(String.valueOf(compose.service("registry").get("image"))).startsWith("apicurio/apicurio-registry:3.");
        assertThat(env).containsEntry("APICURIO_STORAGE_KIND", "sql").containsEntry("APICURIO_STORAGE_SQL_KIND", "postgresql");
        assertThat(env.get("APICURIO_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(String.valueOf(compose.service("postgres").get("image"))).startsWith("postgres:15");
        String database = env.get("APICURIO_DATASOURCE_URL").substring(env.get("APICURIO_DATASOURCE_URL").lastIndexOf('/') + 1);
        assertThat(Files.readString(ComposeFile.ROOT.resolve(Path.of("deploy", "postgres", "init", "01-databases.sql"))))
                .as("the registry's database is created by the init script").contains("CREATE DATABASE " + database);
    }

    /** The service a setting belongs to (by its package), or null for settings every process reads. */
    static String serviceOf(Class<?> owner) {
        String[] parts = owner.getName().split("\\.");
        return parts.length > 2 && StandaloneSettings.ALL_SERVICES.contains(parts[2]) ? parts[2] : null;
    }

    static String containerPort(String mapping) {
        return mapping.substring(mapping.lastIndexOf(':') + 1);
    }
}
