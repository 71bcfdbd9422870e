package org.casetrack.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Settings every service shares, under {@code casetrack.*} (environment: CASETRACK_*).
 *
 * @param topicPrefix       prefix of every topic name (empty in production; tests isolate themselves with it)
 * @param partitions        partitions of every shared topic (co-partitioned topics must agree)
 * @param replicationFactor replication of every topic: 1 embedded, 3 in compose
 * @param minInsyncReplicas min.insync.replicas of every topic: 1 embedded, 2 in compose
 * @param provisionTopics   create and verify the topics at start-up
 * @param zone              the zone in which days are counted (days waiting, the timeline)
 * @param dataDir           where local state lives (Kafka Streams state stores below {@code streams/})
 */
@ConfigurationProperties("casetrack")
public record CasetrackSettings(
        @Bindable(defaultValue = "") String topicPrefix,
        @Bindable(defaultValue = "6") int partitions,
        @Bindable(defaultValue = "1") short replicationFactor,
        @Bindable(defaultValue = "1") int minInsyncReplicas,
        @Bindable(defaultValue = "true") boolean provisionTopics,
        @Bindable(defaultValue = "Asia/Phnom_Penh") String zone,
        @Bindable(defaultValue = "./data") String dataDir) {

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public Path streamsStateDir() {
        return Path.of(dataDir).toAbsolutePath().resolve("streams");
    }
}
