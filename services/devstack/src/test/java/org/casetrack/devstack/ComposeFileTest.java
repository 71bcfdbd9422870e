package org.casetrack.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started on the development machines (no Docker engine), so its
 * infrastructure part is checked here: the 3-broker KRaft cluster with replication 3 and
 * min.insync.replicas 2, Apicurio Registry on PostgreSQL, PostgreSQL.
 */
class ComposeFileTest {
    private static final Path COMPOSE = Path.of("..", "..", "docker-compose.yml");

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            Map<String, Object> compose = new Yaml(options).load(in);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        return env == null ? Map.of() : ((Map<String, Object>) env).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    @Test
    void threeKraftBrokersFormOneQuorumWithReplicationThreeAndMinInsyncTwo() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> brokers = services.keySet().stream().filter(s -> s.startsWith("kafka-")).sorted().toList();

        assertThat(brokers).containsExactly("kafka-1", "kafka-2", "kafka-3");
        for (int i = 0; i < brokers.size(); i++) {
            Map<String, String> env = environment(services.get(brokers.get(i)));
            assertThat(env.get("KAFKA_NODE_ID")).isEqualTo(Integer.toString(i + 1));
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + brokers.get(i) + ":9092");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo("2");
            assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
            assertThat(String.valueOf(services.get(brokers.get(i)).get("image"))).startsWith("apache/kafka:4.3");
        }
    }

    @Test
    void apicurioRegistryStoresItsSchemasInPostgresql() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> env = environment(services.get("registry"));

        assertThat(String.valueOf(services.get("registry").get("image"))).startsWith("apicurio/apicurio-registry:3.");
        assertThat(env).containsEntry("APICURIO_STORAGE_KIND", "sql").containsEntry("APICURIO_STORAGE_SQL_KIND", "postgresql");
        assertThat(env.get("APICURIO_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(services).containsKey("postgres");
        assertThat(String.valueOf(services.get("postgres").get("image"))).startsWith("postgres:15");
        String database = env.get("APICURIO_DATASOURCE_URL").substring(env.get("APICURIO_DATASOURCE_URL").lastIndexOf('/') + 1);
        assertThat(Files.readString(Path.of("..", "..", "deploy", "postgres", "init", "01-databases.sql")))
                .as("the registry's database is created by the init script").contains("CREATE DATABASE " + database);
    }
}
