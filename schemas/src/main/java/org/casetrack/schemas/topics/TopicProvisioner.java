package org.casetrack.schemas.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates casetrack's topics with their declared settings and verifies existing ones, failing fast
 * with every mismatch listed. Idempotent: run it at every start-up and as the compose init step.
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_MS = 30_000;

    private final Admin admin;
    private final TopicSettings settings;

    public TopicProvisioner(Admin admin, TopicSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    public TopicSettings settings() {
        return settings;
    }

    /** The settings a declared topic must have. */
    public Map<String, String> configsOf(Topic<?> topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                topic.cleanup() == Topic.Cleanup.COMPACT ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, topic.retention().map(d -> Long.toString(d.toMillis())).orElse("-1"));
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(topic.maxMessageBytes()));
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()));
        return configs;
    }

    public int partitionsOf(Topic<?> topic) {
        return topic.partitioning() == Topic.Partitioning.SINGLE ? 1 : settings.partitions();
    }

    /**
     * Creates the missing topics and checks the existing ones.
     *
     * @return the names of topics created now
     * @throws TopicMismatchException when an existing topic differs from its declaration
     */
    public List<String> ensure(Collection<Topic<?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), partitionsOf(t), settings.replicationFactor()).configs(configsOf(t)))
                    .toList();
            List<String> created = new ArrayList<>();
            if (!missing.isEmpty()) {
                var results = admin.createTopics(missing).values();
                for (var entry : results.entrySet()) {
                    try {
                        entry.getValue().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                        created.add(entry.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                LOG.info("Created topics {}", created);
            }
            verifyWhenVisible(topics);
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot provision topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        }
    }

    /**
     * Topics created a moment ago (by this or another instance) may not be visible to every
     * metadata request yet: a short, bounded retry instead of failing the start-up.
     */
    private void verifyWhenVisible(Collection<Topic<?>> topics) throws ExecutionException, InterruptedException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                verify(topics);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 10) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100L * attempt);
            }
        }
    }

    private void verify(Collection<Topic<?>> topics) throws ExecutionException, InterruptedException, TimeoutException {
        List<String> names = topics.stream().map(Topic::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<String> problems = new ArrayList<>();
        for (Topic<?> topic : topics) {
            TopicDescription description = descriptions.get(topic.name());
            int partitions = description.partitions().size();
            if (partitions != partitionsOf(topic)) {
                problems.add(topic.name() + " has " + partitions + " partitions, declared " + partitionsOf(topic));
            }
            int replicas = description.partitions().get(0).replicas().size();
            if (replicas != settings.replicationFactor()) {
                problems.add(topic.name() + " has replication " + replicas + ", declared " + settings.replicationFactor());
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            configsOf(topic).forEach((key, expected) -> {
                String value = actual.get(key) == null ? null : actual.get(key).value();
                if (!expected.equals(value)) {
                    problems.add(topic.name() + " has " + key + "=" + value + ", declared " + expected);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new TopicMismatchException(problems);
        }
    }

    /** Names of existing topics that start with the prefix (for clean-up of old generations). */
    public Set<String> existingWithPrefix(String prefix) {
        try {
            return admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
                    .filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing topics", e);
        }
    }
}
