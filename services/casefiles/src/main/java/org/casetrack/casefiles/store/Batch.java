package org.casetrack.casefiles.store;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;

/**
 * What one transaction applies: decoded events of both topics, in offset order per partition, and
 * for each partition the offset the batch started from (as stored) and the next one.
 */
public record Batch(List<Projected<CaseEvent>> caseEvents, List<Projected<CompoundEvent>> compoundEvents, List<Fence> fences) {

    public Batch {
        caseEvents = List.copyOf(caseEvents);
        compoundEvents = List.copyOf(compoundEvents);
        fences = List.copyOf(fences);
    }

    public int records() {
        return caseEvents.size() + compoundEvents.size();
    }

    /** A decoded event and the record it came from (for its position, and for the dead letters). */
    public record Projected<E>(E event, ConsumerRecord<String, byte[]> source) {
    }

    /**
     * The offsets row of one partition moves from {@code expected} to {@code next} only if it still
     * holds {@code expected}: otherwise another projector owns the partition now.
     */
    public record Fence(TopicPartition partition, long expected, long next) {
    }

    /** An event that decoded but cannot be applied (an event of a case never opened): it goes to the dead letters. */
    public record Rejected(ConsumerRecord<String, byte[]> source, Exception error) {
    }
}
