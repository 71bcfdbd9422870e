package org.casetrack.ledger.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.casetrack.ledger.topology.LedgerTopology;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.config.PrefixedSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.platform.streams.StreamsApp;
import org.casetrack.platform.streams.StreamsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ledger's Streams application for as long as the Micronaut context lives: started when the
 * context starts (once the topics are provisioned), closed leaving the group when it stops, so another
 * instance takes over its partitions at once.
 */
@Context
// compose runs one service per process of the same jar: the others are switched off
@Requires(property = "ledger.enabled", notEquals = "false")
public class LedgerService implements AutoCloseable {
    /** Kafka Streams overrides for the ledger live under this prefix. */
    public static final String STREAMS_PREFIX = "kafka.streams.ledger";

    /**
     * The ledger's own Streams defaults, under any override. Its producer lingers past the commit interval:
     * under exactly-once its records become visible only at the commit, whose flush sends whatever is
     * still waiting, so sending earlier buys nothing but more produce requests, which the broker pays
     * for per partition batch (docs/decisions/0018). A transaction longer than the linger still sends its
     * first records before the flush.
     */
    static final Map<String, Object> DEFAULTS = Map.of(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);

    private final LedgerSettings settings;
    private final Properties properties;
    private final StreamsApp app;
    private final ConsumerLagProgress progress;

    public LedgerService(ProvisionedTopics provisioned, TopicSerdes serdes, KafkaSettings kafka, CasetrackSettings casetrack,
                         LedgerSettings settings, Environment environment, Admin admin) {
        this.settings = settings;
        Map<String, Object> overrides = new HashMap<>(DEFAULTS);
        overrides.putAll(PrefixedSettings.under(environment, STREAMS_PREFIX));
        String applicationId = settings.applicationIdOr(provisioned.topics().prefix());
        this.properties = StreamsProperties.of(applicationId, kafka, casetrack, provisioned.topics(), overrides);
        this.progress = new ConsumerLagProgress(admin, applicationId, provisioned.topics().compoundCommands().name(),
                provisioned.topics().compoundRegistry().name(), settings.retryInterval().multipliedBy(2));
        var topology = LedgerTopology.build(provisioned.topics(), serdes, settings.compoundGrace(), settings.compoundMaxWait(),
                settings.retryInterval(), progress);
        StreamsApp created = new StreamsApp("ledger", topology, properties);
        progress.watch(created.streams());
        this.app = created.start();
        LOG.info("Ledger started as {} (compound grace {})", properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                settings.compoundGrace());
    }

    public StreamsApp app() {
        return app;
    }

    /** The Streams configuration the ledger runs with (defaults and overrides). */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @PreDestroy
    @Override
    public void close() {
        progress.close();
        app.close(settings.closeTimeout());
    }
}
