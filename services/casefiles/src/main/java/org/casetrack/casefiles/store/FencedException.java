package org.casetrack.casefiles.store;

import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** A batch found its partitions' offsets moved by another projector: it committed nothing. */
public class FencedException extends RuntimeException {
    private final transient List<TopicPartition> partitions;

    public FencedException(List<TopicPartition> partitions) {
        super("Offsets of " + partitions + " were moved by another projector; the batch was rolled back", null, false, false);
        this.partitions = List.copyOf(partitions);
    }

    public List<TopicPartition> partitions() {
        return partitions;
    }
}
