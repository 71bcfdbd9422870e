package org.casetrack.views.config;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.PrintStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.config.PrefixedSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.platform.streams.StreamsApp;
import org.casetrack.platform.streams.StreamsProperties;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.TopicProvisioner;
import org.casetrack.schemas.topics.Topics;
import org.casetrack.views.topology.CompoundChanges;
import org.casetrack.views.topology.GenerationSeed;
import org.casetrack.views.topology.LatestCompounds;
import org.casetrack.views.topology.ViewSerdes;
import org.casetrack.views.topology.ViewTopics;
import org.casetrack.views.topology.ViewsTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and removes generations of the views: each generation is the same topology under its own
 * application id ({@code <prefix>views-g<N>}) writing its own view topics (view-*.g<N>).
 */
@Singleton
public class ViewsRuntime {
    /** Kafka Streams overrides for the views live under this prefix. */
    public static final String STREAMS_PREFIX = "kafka.streams.views";

    private static final Logger LOG = LoggerFactory.getLogger(ViewsRuntime.class);

    private final Topics topics;
    private final ViewSerdes serdes;
    private final KafkaSettings kafka;
    private final CasetrackSettings casetrack;
    private final ViewsSettings settings;
    private final Map<String, Object> overrides;
    private final TopicProvisioner provisioner;
    private final Admin admin;
    private final Clock clock;
    private final TopicSerdes topicSerdes;

    public ViewsRuntime(ProvisionedTopics provisioned, TopicSerdes topicSerdes, KafkaSettings kafka, CasetrackSettings casetrack,
                        ViewsSettings settings, Environment environment, TopicProvisioner provisioner, Admin admin) {
        this.topics = provisioned.topics();
        this.serdes = ViewSerdes.of(topics, topicSerdes);
        this.kafka = kafka;
        this.casetrack = casetrack;
        this.settings = settings;
        this.overrides = PrefixedSettings.under(environment, STREAMS_PREFIX);
        this.provisioner = provisioner;
        this.admin = admin;
        this.clock = Clock.systemUTC();
        this.topicSerdes = topicSerdes;
    }

    /** A reader and writer of the control topic (view-generations). */
    public Generations generations() {
        return new Generations(kafka.bootstrapServers(), topics.viewGenerations().name(),
                topicSerdes.internal(org.casetrack.avro.ViewGeneration.class));
    }

    public Topics topics() {
        return topics;
    }

    public ViewsSettings settings() {
        return settings;
    }

    public CasetrackSettings casetrack() {
        return casetrack;
    }

    public KafkaSettings kafka() {
        return kafka;
    }

    public Admin admin() {
        return admin;
    }

    public String applicationId(int generation) {
        return settings.applicationId(topics.prefix(), generation);
    }

    /**
     * Starts a generation. A serving instance advertises its HTTP server (application.server) for
     * interactive queries; a rebuild has none and runs with a large record cache and a long commit interval.
     */
    public GenerationApp start(int generation, Optional<String> applicationServer, boolean rebuild) {
        ViewTopics views = ViewTopics.of(topics, generation);
        ensure(views.all());
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, rebuild ? settings.rebuildCacheMaxBytes() : settings.cacheMaxBytes());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (rebuild ? settings.rebuildCommitInterval() : settings.commitInterval()).toMillis());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, rebuild ? settings.rebuildStreamThreads() : settings.streamThreads());
        Duration fold = rebuild ? settings.rebuildFoldInterval() : settings.foldInterval();
        if (!fold.isZero()) {
            // an idle stream thread waits in poll this long at most, so pending deltas are not held back by it
            config.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, Math.min(100, fold.toMillis())));
        }
        applicationServer.ifPresent(server -> config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
        config.putAll(overrides);
        String applicationId = applicationId(generation);
        Properties properties = StreamsProperties.of(applicationId, kafka, casetrack, topics, config);
        // a serving instance answers one compound from what its stream threads last computed (LatestCompounds)
        LatestCompounds latest = applicationServer.isPresent() ? new LatestCompounds() : null;
        var topology = ViewsTopology.build(topics, views, serdes, clock, casetrack.zoneId(), fold,
                latest == null ? CompoundChanges.NONE : latest);
        StreamsApp app = new StreamsApp((rebuild ? "views-rebuild-g" : "views-g") + generation, topology, properties);
        if (latest != null) {
            latest.epochFrom(app::stateChanges);
        }
        return new GenerationApp(generation, applicationId, views, app.start(), latest);
    }

    /**
     * Seeds a generation that no instance runs from case-events ({@link GenerationSeed}), after removing
     * whatever an earlier, failed attempt left of it; {@link #start} then runs it from the seed.
     */
    public GenerationSeed.Result seed(int generation, PrintStream out) {
        String applicationId = applicationId(generation);
        ViewTopics views = ViewTopics.of(topics, generation);
        if (!leftovers(applicationId, views).isEmpty()) {
            out.printf("views seed: removing what an earlier attempt left of generation %d%n", generation);
            remove(generation);
            awaitGone(applicationId, views);
        }
        ensure(views.all());
        GenerationSeed seed = new GenerationSeed(topics, serdes, admin,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), clock, casetrack.zoneId(),
                settings.rebuildStreamThreads(), out);
        return seed.seed(new GenerationSeed.Target(applicationId, views, casetrack.replicationFactor(), casetrack.minInsyncReplicas()));
    }

    /** The topics of a generation that exist: its internal topics and its view topics. */
    private List<String> leftovers(String applicationId, ViewTopics views) {
        List<String> viewNames = views.all().stream().map(Topic::name).toList();
        return provisioner.existingWithPrefix("").stream().filter(n -> n.startsWith(applicationId + "-") || viewNames.contains(n)).toList();
    }

    /** Deleted topics linger for a moment; a topic of the same name cannot be created until they are gone. */
    private void awaitGone(String applicationId, ViewTopics views) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!leftovers(applicationId, views).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The topics of " + applicationId + " are still there a minute after their deletion");
            }
            synchronized (this) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted", e);
                }
            }
        }
    }

    public java.util.Set<String> topicsWithPrefix(String prefix) {
        return provisioner.existingWithPrefix(prefix);
    }

    /**
     * Creates or verifies a generation's view topics. Another instance may have created them a moment ago,
     * before their metadata reached every broker, so a verification that finds no partition yet is retried.
     */
    private void ensure(List<Topic<?>> viewTopics) {
        for (int attempt = 1; ; attempt++) {
            try {
                provisioner.ensure(viewTopics);
                return;
            } catch (IllegalStateException e) {
                if (attempt >= 10 || !(e.getCause() instanceof ExecutionException cause
                        && cause.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                LOG.info("View topics not yet visible everywhere (attempt {}); retrying", attempt);
                synchronized (this) {
                    try {
                        wait(200L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
    }

    /** True once no instance is a member of the generation's consumer group any more. */
    public boolean isAbandoned(int generation) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId(generation)))
                    .all().get(30, TimeUnit.SECONDS).get(applicationId(generation));
            return group == null || group.members().isEmpty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return true;
            }
            throw new IllegalStateException("Cannot describe the group of views generation " + generation, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out describing the group of views generation " + generation, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Deletes an old generation's internal topics (changelogs, repartitions), view topics and consumer group. */
    public List<String> remove(int generation) {
        String applicationId = applicationId(generation);
        List<String> doomed = new ArrayList<>(provisioner.existingWithPrefix(applicationId + "-"));
        ViewTopics.of(topics, generation).all().stream().map(Topic::name).forEach(doomed::add);
        try {
            var results = admin.deleteTopics(doomed).topicNameValues();
            for (var result : results.values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            try {
                admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    LOG.warn("Could not delete the consumer group of views generation {}: {}", generation, e.getCause().toString());
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot remove views generation " + generation + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while removing views generation " + generation, e);
        }
        LOG.info("Removed views generation {}: {} topics", generation, doomed.size());
        return doomed;
    }
}
