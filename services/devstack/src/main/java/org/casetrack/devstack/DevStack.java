package org.casetrack.devstack;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.casetrack.schemas.registry.Compatibility;
import org.casetrack.schemas.registry.EmbeddedSchemaRegistry;
import org.casetrack.schemas.registry.RegistryRestHandler.Caller;
import org.casetrack.schemas.topics.TopicProvisioner;
import org.casetrack.schemas.topics.TopicSettings;
import org.casetrack.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded infrastructure in one piece: a KRaft broker, PostgreSQL, and the schema registry
 * (kept in the _schemas topic, served over REST), all under one data directory that survives
 * restarts. Tests get one per run through {@link DevStackExtension}; standalone starts one on
 * CASETRACK_DATA_DIR.
 */
public final class DevStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

    private final Options options;
    private final KafkaBroker kafka;
    private final EmbeddedDatabase database;
    private final EmbeddedSchemaRegistry registry;
    private final RegistryHttpServer registryServer;
    private final Admin admin;
    private final TopicProvisioner provisioner;

    /**
     * @param dataDir     everything lives below it
     * @param kafkaPort   0 for the port used last time on this directory, or a free one
     * @param adminToken  the token that may write to the registry REST
     * @param brokerJvm   empty: the broker runs in this JVM; else it runs in a JVM of its own with these
     *                    options ({@link BrokerProcess})
     */
    public record Options(Path dataDir, int kafkaPort, int postgresPort, int registryPort, String adminToken, TopicSettings topicSettings,
                          List<String> brokerJvm) {
        public Options {
            brokerJvm = List.copyOf(brokerJvm);
        }

        public static Options at(Path dataDir, String adminToken) {
            return new Options(dataDir, 0, 0, 0, adminToken, TopicSettings.embedded(), List.of());
        }

        /** The same, with the broker in a JVM of its own started with {@code jvmOptions}. */
        public Options withBrokerJvm(List<String> jvmOptions) {
            return new Options(dataDir, kafkaPort, postgresPort, registryPort, adminToken, topicSettings, jvmOptions);
        }
    }

    private DevStack(Options options) {
        this.options = options;
        long started = System.nanoTime();
        Path kafkaDir = options.dataDir().resolve("kafka");
        KafkaBroker startedKafka = options.brokerJvm().isEmpty() ? EmbeddedKafka.start(kafkaDir, options.kafkaPort())
                : BrokerProcess.start(kafkaDir, options.kafkaPort(), options.brokerJvm(), line -> LOG.info("[broker] {}", line),
                        Duration.ofMinutes(2));
        EmbeddedDatabase startedDatabase = null;
        EmbeddedSchemaRegistry startedRegistry = null;
        Admin startedAdmin = null;
        try {
            startedDatabase = EmbeddedDatabase.start(options.dataDir().resolve("postgres"), options.postgresPort());
            startedAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, startedKafka.bootstrapServers()));
            this.provisioner = new TopicProvisioner(startedAdmin, options.topicSettings());
            provisioner.ensure(List.of(Topics.DEFAULT.schemas()));
            startedRegistry = EmbeddedSchemaRegistry.start(startedKafka.bootstrapServers(), Topics.DEFAULT.schemas().name(),
                    Compatibility.FULL_TRANSITIVE);
            int registryPort = Ports.resolve(options.dataDir(), "registry", options.registryPort());
            this.registryServer = RegistryHttpServer.start(startedRegistry, registryPort, this::callerOf);
        } catch (RuntimeException e) {
            closeQuietly(startedRegistry);
            closeQuietly(startedAdmin);
            closeQuietly(startedDatabase);
            closeQuietly(startedKafka);
            throw e;
        }
        this.kafka = startedKafka;
        this.database = startedDatabase;
        this.registry = startedRegistry;
        this.admin = startedAdmin;
        LOG.info("Embedded infrastructure up in {} ms under {}", (System.nanoTime() - started) / 1_000_000, options.dataDir());
    }

    public static DevStack start(Options options) {
        return new DevStack(options);
    }

    private Caller callerOf(String token) {
        if (token == null) {
            return Caller.ANONYMOUS;
        }
        boolean admin = options.adminToken() != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), options.adminToken().getBytes(StandardCharsets.UTF_8));
        return admin ? Caller.ADMINISTRATOR : Caller.AUTHENTICATED;
    }

    public Options options() {
        return options;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The broker: an {@link EmbeddedKafka} in this JVM, or a {@link BrokerProcess} when {@link Options#brokerJvm} is set. */
    public KafkaBroker broker() {
        return kafka;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public EmbeddedSchemaRegistry registry() {
        return registry;
    }

    public String registryUrl() {
        return registryServer.url();
    }

    public Admin admin() {
        return admin;
    }

    public TopicProvisioner provisioner() {
        return provisioner;
    }

    @Override
    public void close() {
        closeQuietly(registryServer);
        closeQuietly(registry);
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        closeQuietly(database);
        closeQuietly(kafka);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
