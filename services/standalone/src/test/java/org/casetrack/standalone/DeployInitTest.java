package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificData;
import org.casetrack.access.auth.TokenSecrets;
import org.casetrack.devstack.DevStack;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.schemas.registry.Compatibility;
import org.casetrack.schemas.registry.RemoteSchemaRegistry;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.standalone.deploy.DeployInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The compose init step against a real broker, PostgreSQL and a registry reached over its REST API
 * with auto-registration off (as Apicurio is in compose): it creates every topic, registers every
 * topic's value schema FULL_TRANSITIVE, migrates the database and issues Prometheus a working monitor
 * token; run again, it changes nothing but the token.
 */
@ExtendWith(DevStackExtension.class)
class DeployInitTest {

    @Test
    void provisionsTopicsRegistersSchemasAndIssuesPrometheusItsToken(TestScope scope, DevStack stack) throws Exception {
        Path tokenFile = Files.createTempDirectory(Path.of("target"), "deploy-").resolve("secrets").resolve("prometheus-token");
        Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        properties.put("database.url", scope.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("schema-registry.url", stack.registryUrl());
        properties.put("schema-registry.authorization", "Bearer " + DevStackExtension.ADMIN_TOKEN);
        properties.put("schema-registry.auto-register", "false");
        properties.put("feeds.nationalities", "TH,VN");
        properties.put("casetrack.deploy.prometheus-token-file", tokenFile.toString());

        DeployInit.run(properties);
        String firstToken = Files.readString(tokenFile);
        DeployInit.run(properties);

        Set<String> existing = stack.provisioner().existingWithPrefix(scope.topics().prefix());
        scope.topics().all().forEach(t -> assertThat(existing).contains(t.name()));
        assertThat(existing).contains(scope.topics().embassyFeedName("TH"), scope.topics().embassyFeedName("VN"));

        RemoteSchemaRegistry registry = new RemoteSchemaRegistry(stack.registryUrl(), java.util.Optional.empty(), java.time.Duration.ofSeconds(10));
        for (Topic<?> topic : scope.topics().sources()) {
            assertThat(registry.lookup(topic.valueSubject(), SpecificData.get().getSchema(topic.valueType()))).as(topic.valueSubject()).isPresent();
            assertThat(registry.compatibility(topic.valueSubject())).isEqualTo(Compatibility.FULL_TRANSITIVE);
        }
        assertThat(registry.versions(scope.topics().embassyFeed("TH").valueSubject())).hasSize(1);

        String token = Files.readString(tokenFile);
        assertThat(token).isNotEqualTo(firstToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-r--r--");
        try (var c = stack.database().dataSource(scope.databaseName()).getConnection();
             var s = c.prepareStatement("SELECT role, revoked_at IS NULL FROM \"primary\".tokens WHERE token_hash = ?")) {
            s.setBytes(1, TokenSecrets.hash(token));
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("monitor");
                assertThat(rs.getBoolean(2)).isTrue();
            }
            s.setBytes(1, TokenSecrets.hash(firstToken));
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(2)).as("the previous Prometheus token is revoked").isFalse();
            }
        }
        try (var c = stack.database().dataSource(scope.databaseName()).getConnection();
             var rs = c.getMetaData().getTables(null, "derived", null, null)) {
            assertThat(rs.next()).as("the case files' tables are migrated").isTrue();
        }
    }
}
