package org.casetrack.standalone;

import java.util.HashMap;
import java.util.Map;
import org.casetrack.devstack.EmbeddedDatabase;
import org.casetrack.devstack.EmbeddedKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers standalone runs in its own JVM unless pointed elsewhere: the KRaft broker (unless
 * KAFKA_BOOTSTRAP_SERVERS) and PostgreSQL (unless DATABASE_URL), both under the data directory. The
 * schema registry is not here: without SCHEMA_REGISTRY_URL platform keeps it embedded on the _schemas topic.
 */
final class EmbeddedInfrastructure implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedDatabase database;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedDatabase database) {
        this.kafka = kafka;
        this.database = database;
    }

    static EmbeddedInfrastructure start(StandaloneSettings settings) {
        EmbeddedKafka kafka = settings.bootstrapServers().isPresent() ? null
                : EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        try {
            EmbeddedDatabase database = settings.databaseUrl().isPresent() ? null
                    : EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), settings.postgresPort());
            return new EmbeddedInfrastructure(kafka, database);
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            throw e;
        }
    }

    /** The settings that point the services at the embedded servers (nothing for external ones, which come from the environment). */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        if (kafka != null) {
            properties.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        if (database != null) {
            properties.put("database.url", database.jdbcUrl());
            properties.put("database.user", database.user());
        }
        return properties;
    }

    String describe() {
        return "Kafka " + (kafka == null ? "external" : "embedded on " + kafka.bootstrapServers())
                + ", PostgreSQL " + (database == null ? "external" : "embedded on localhost:" + database.port());
    }

    /** Database first: it holds no Kafka client, and the broker is the slower to stop. */
    @Override
    public void close() {
        if (database != null) {
            try {
                database.close();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the embedded PostgreSQL failed: {}", e.getClass().getName());
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
