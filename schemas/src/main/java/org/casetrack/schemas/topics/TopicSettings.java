package org.casetrack.schemas.topics;

/**
 * Cluster-wide topic settings: partitions of every shared topic (equal, so co-partitioned topics
 * agree), replication and min.insync.replicas. Embedded: 1 and 1; compose: 3 and 2.
 */
public record TopicSettings(int partitions, short replicationFactor, int minInsyncReplicas) {
    public static final int DEFAULT_PARTITIONS = 6;

    public static TopicSettings embedded() {
        return new TopicSettings(DEFAULT_PARTITIONS, (short) 1, 1);
    }

    public TopicSettings {
        if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("Topic settings need partitions >= 1 and 1 <= min.insync.replicas <= replication: "
                    + partitions + ", " + replicationFactor + ", " + minInsyncReplicas);
        }
    }
}
