package org.casetrack.feeds.topology;

import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.feeds.config.FeedsSettings;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.config.PrefixedSettings;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.platform.streams.StreamsApp;
import org.casetrack.platform.streams.StreamsProperties;
import org.casetrack.schemas.topics.TopicProvisioner;

/**
 * The feeds topology's Kafka Streams application: provisions the feed topics, then runs the
 * topology (overrides from {@code kafka.streams.feeds.*}); answers case-state lookups from its store.
 * Lookups read this instance's store only, so a case whose partition another instance hosts reads
 * as unknown: the feeds run as one instance (see README).
 */
@Singleton
public class FeedStreams implements CaseStates, AutoCloseable {
    static final String OVERRIDES = "kafka.streams.feeds";

    private final FeedTopics feedTopics;
    private final FeedsSettings settings;
    private final KafkaSettings kafka;
    private final CasetrackSettings casetrack;
    private final TopicProvisioner provisioner;
    private final TopicSerdes serdes;
    private final Environment environment;
    private volatile StreamsApp app;

    public FeedStreams(FeedTopics feedTopics, FeedsSettings settings, KafkaSettings kafka, CasetrackSettings casetrack,
                       TopicProvisioner provisioner, TopicSerdes serdes, Environment environment) {
        this.feedTopics = feedTopics;
        this.settings = settings;
        this.kafka = kafka;
        this.casetrack = casetrack;
        this.provisioner = provisioner;
        this.serdes = serdes;
        this.environment = environment;
    }

    public synchronized void start() {
        if (app != null) {
            return;
        }
        feedTopics.provision(provisioner);
        var topics = feedTopics.topics();
        var topology = FeedTopology.build(topics, feedTopics.nationalities(), FeedSerdes.of(topics, serdes),
                Clock.system(casetrack.zoneId()));
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        overrides.putAll(PrefixedSettings.under(environment, OVERRIDES));
        Properties properties = StreamsProperties.of(settings.applicationId(), kafka, casetrack, topics, overrides);
        app = new StreamsApp("embassy-feeds", topology, properties).start();
    }

    public Optional<StreamsApp> app() {
        return Optional.ofNullable(app);
    }

    @Override
    public Optional<FeedCaseState> find(String caseId) {
        StreamsApp running = app;
        if (running == null) {
            throw new Unavailable("The feeds topology has not started", null);
        }
        try {
            ReadOnlyKeyValueStore<String, FeedCaseState> store = running.streams().store(
                    StoreQueryParameters.fromNameAndType(FeedTopology.CASE_STORE, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(caseId));
        } catch (InvalidStateStoreException e) {
            throw new Unavailable("The feeds topology's case store cannot be queried now", e);
        }
    }

    @Override
    @PreDestroy
    public synchronized void close() {
        if (app != null) {
            app.close(Duration.ofSeconds(20));
            app = null;
        }
    }
}
