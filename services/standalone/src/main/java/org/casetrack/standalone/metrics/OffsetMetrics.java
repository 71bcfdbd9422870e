package org.casetrack.standalone.metrics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.Topics;
import org.casetrack.views.config.ViewsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics from offsets, read again every {@code casetrack.metrics.refresh-interval}: the lag of every
 * consumer group of casetrack (the Streams applications, the case-files projector) per topic, the lag
 * of the views generations, and the records in every dead-letter topic.
 */
@Singleton
@Requires(property = "casetrack.metrics.cluster-enabled", notEquals = "false")
public class OffsetMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetMetrics.class);

    private final Offsets offsets;
    private final Topics topics;
    private final String viewsGroupPrefix;
    private final MultiGauge consumerLag;
    private final MultiGauge viewLag;
    private final MultiGauge deadLetters;

    public OffsetMetrics(Offsets offsets, ProvisionedTopics provisioned, ViewsSettings views, MeterRegistry registry) {
        this.offsets = offsets;
        this.topics = provisioned.topics();
        this.viewsGroupPrefix = topics.prefix() + views.applicationId() + "-g";
        this.consumerLag = MultiGauge.builder("casetrack.consumer.lag").baseUnit("records")
                .description("Records not yet consumed, by consumer group and topic").register(registry);
        this.viewLag = MultiGauge.builder("casetrack.view.lag").baseUnit("records")
                .description("Records the views have yet to count, by views generation").register(registry);
        this.deadLetters = MultiGauge.builder("casetrack.dlq.records").baseUnit("records")
                .description("Records in each dead-letter topic").register(registry);
    }

    @Scheduled(fixedDelay = "${casetrack.metrics.refresh-interval:15s}", initialDelay = "2s")
    void refresh() {
        try {
            refreshLag();
            refreshDeadLetters();
        } catch (RuntimeException e) {
            LOG.warn("Offset metrics not refreshed: {}", e.getClass().getName());
        }
    }

    private void refreshLag() {
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> viewRows = new ArrayList<>();
        for (String group : offsets.groups(topics.prefix())) {
            Map<TopicPartition, Long> committed = offsets.committed(group);
            Map<TopicPartition, Long> ends = offsets.ends(committed.keySet());
            Map<String, Long> byTopic = new TreeMap<>();
            committed.forEach((p, offset) -> byTopic.merge(p.topic(), Math.max(0, ends.getOrDefault(p, offset) - offset), Long::sum));
            byTopic.forEach((topic, lag) -> lagRows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), lag)));
            if (group.startsWith(viewsGroupPrefix)) {
                viewRows.add(MultiGauge.Row.of(Tags.of("group", group), byTopic.values().stream().mapToLong(Long::longValue).sum()));
            }
        }
        consumerLag.register(lagRows, true);
        viewLag.register(viewRows, true);
    }

    private void refreshDeadLetters() {
        List<TopicPartition> partitions = offsets.partitions(topics.sources().stream().map(t -> topics.deadLetters(t).name()).toList());
        Map<TopicPartition, Long> ends = offsets.ends(partitions);
        Map<TopicPartition, Long> starts = offsets.starts(partitions);
        Map<String, Long> byTopic = new HashMap<>();
        for (Topic<?> source : topics.sources()) {
            byTopic.put(topics.deadLetters(source).name(), 0L);
        }
        partitions.forEach(p -> byTopic.merge(p.topic(), ends.getOrDefault(p, 0L) - starts.getOrDefault(p, 0L), Long::sum));
        deadLetters.register(byTopic.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue())).toList(), true);
    }
}
