package org.casetrack.platform.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.config.RegistrySettings;
import org.casetrack.schemas.registry.Compatibility;
import org.casetrack.schemas.registry.EmbeddedSchemaRegistry;
import org.casetrack.schemas.registry.RemoteSchemaRegistry;
import org.casetrack.schemas.registry.SchemaRegistry;
import org.casetrack.schemas.topics.TopicProvisioner;
import org.casetrack.schemas.topics.TopicSettings;
import org.casetrack.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka-side beans every service shares: topics, their provisioning, the admin client and the registry. */
@Factory
public class KafkaFactory {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFactory.class);

    @Singleton
    Topics topics(CasetrackSettings settings) {
        return new Topics(settings.topicPrefix());
    }

    @Singleton
    @Bean(preDestroy = "close")
    Admin admin(KafkaSettings kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "casetrack-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    @Singleton
    TopicProvisioner provisioner(Admin admin, CasetrackSettings settings) {
        return new TopicProvisioner(admin, new TopicSettings(settings.partitions(), settings.replicationFactor(), settings.minInsyncReplicas()));
    }

    @Singleton
    ProvisionedTopics provisionedTopics(Topics topics, TopicProvisioner provisioner, CasetrackSettings settings) {
        if (settings.provisionTopics()) {
            var created = provisioner.ensure(topics.all());
            LOG.info("Topics provisioned ({} created now, {} in all)", created.size(), topics.all().size());
        }
        return new ProvisionedTopics(topics);
    }

    @Singleton
    @Bean(preDestroy = "close")
    SchemaRegistry schemaRegistry(RegistrySettings registry, KafkaSettings kafka, ProvisionedTopics provisioned) {
        if (registry.remoteUrl().isPresent()) {
            LOG.info("Schema registry: remote at {} (auto-registration {})", registry.remoteUrl().get(),
                    registry.autoRegistration() ? "on" : "off");
            return new RemoteSchemaRegistry(registry.remoteUrl().get(), registry.authorizationHeader(), Duration.ofSeconds(10));
        }
        LOG.info("Schema registry: embedded on topic {}", provisioned.topics().schemas().name());
        return EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), provisioned.topics().schemas().name(), Compatibility.FULL_TRANSITIVE);
    }

    @Singleton
    TopicSerdes topicSerdes(SchemaRegistry registry, RegistrySettings settings) {
        return new TopicSerdes(registry, settings.autoRegistration());
    }
}
