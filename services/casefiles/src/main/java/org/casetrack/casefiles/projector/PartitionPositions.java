package org.casetrack.casefiles.projector;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.casefiles.store.Batch;
import org.casetrack.casefiles.store.BatchWriter;

/**
 * Where the projector stands in each assigned partition: the next offset as stored in PostgreSQL
 * (what a batch is fenced by), and which partitions must be sought again before they may fetch
 * (newly assigned, or after a failed or fenced batch). Used on the projector's thread only, like the
 * consumer itself.
 */
final class PartitionPositions implements ConsumerRebalanceListener {
    private final Consumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> expected = new HashMap<>();
    private final Set<TopicPartition> unsought = new HashSet<>();

    PartitionPositions(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Newly assigned partitions wait, paused, until their stored offsets are read. */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        consumer.pause(partitions);
        unsought.addAll(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(expected::remove);
        unsought.removeAll(partitions);
    }

    /** Reads the stored offsets of the partitions waiting for them, seeks there and lets them fetch. @return how many */
    int seekUnsought(BatchWriter writer) {
        if (unsought.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> stored = writer.claim(unsought);
        for (TopicPartition partition : unsought) {
            long offset = stored.get(partition);
            consumer.seek(partition, offset);
            expected.put(partition, offset);
        }
        int sought = unsought.size();
        consumer.resume(unsought);
        unsought.clear();
        return sought;
    }

    /** After a failed or fenced batch: every partition pauses until sought again from the stored offsets. */
    void seekAllAgain() {
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        unsought.addAll(assigned);
    }

    Map<TopicPartition, Long> expected() {
        return expected;
    }

    void committed(Batch batch) {
        batch.fences().forEach(f -> expected.put(f.partition(), f.next()));
    }

    int sought() {
        return consumer.assignment().size() - unsought.size();
    }

    /**
     * Records between the position and the end of each partition, plus, for a partition waiting to be
     * sought again after a failure, what was fetched but not committed (which may count a commit
     * marker or two).
     */
    long lag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong behindPosition = consumer.currentLag(partition);
            Long committed = expected.get(partition);
            // only partitions sought since assigned have a position, so position() does not block
            if (behindPosition.isPresent() && committed != null) {
                total += behindPosition.getAsLong();
                if (unsought.contains(partition)) {
                    total += Math.max(0, consumer.position(partition) - committed);
                }
            }
        }
        return total;
    }
}
