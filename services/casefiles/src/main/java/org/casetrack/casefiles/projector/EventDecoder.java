package org.casetrack.casefiles.projector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.casefiles.store.Batch;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;

/**
 * Turns a poll's records into a {@link Batch}: each record decoded with its topic's serde, each
 * partition fenced from its expected offset to one past its last record. Records that do not decode
 * are kept apart for the dead letters; their offsets still move on with the batch.
 */
final class EventDecoder {
    private final String caseTopic;
    private final String compoundTopic;
    private final Deserializer<CaseEvent> cases;
    private final Deserializer<CompoundEvent> compounds;

    EventDecoder(Topics topics, TopicSerdes serdes) {
        this.caseTopic = topics.caseEvents().name();
        this.compoundTopic = topics.compoundEvents().name();
        this.cases = serdes.value(topics.caseEvents()).deserializer();
        this.compounds = serdes.value(topics.compoundEvents()).deserializer();
    }

    List<String> topics() {
        return List.of(caseTopic, compoundTopic);
    }

    /** A decoded batch and the records that could not be decoded. */
    record Decoded(Batch batch, List<Batch.Rejected> undecodable) {
    }

    /** @param expected the stored next offset of every partition the records come from */
    Decoded decode(ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> expected) {
        List<Batch.Projected<CaseEvent>> caseEvents = new ArrayList<>();
        List<Batch.Projected<CompoundEvent>> compoundEvents = new ArrayList<>();
        List<Batch.Fence> fences = new ArrayList<>();
        List<Batch.Rejected> undecodable = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(partition);
            Long from = expected.get(partition);
            if (from == null) {
                throw new IllegalStateException("Records of " + partition + ", whose stored offset was never read");
            }
            fences.add(new Batch.Fence(partition, from, list.get(list.size() - 1).offset() + 1));
            for (ConsumerRecord<String, byte[]> record : list) {
                try {
                    if (record.value() == null) {
                        throw new IllegalArgumentException("A null value on an event topic");
                    }
                    if (partition.topic().equals(caseTopic)) {
                        caseEvents.add(new Batch.Projected<>(cases.deserialize(caseTopic, record.headers(), record.value()), record));
                    } else {
                        compoundEvents.add(new Batch.Projected<>(compounds.deserialize(compoundTopic, record.headers(), record.value()), record));
                    }
                } catch (RuntimeException e) {
                    undecodable.add(new Batch.Rejected(record, e));
                }
            }
        }
        return new Decoded(new Batch(caseEvents, compoundEvents, fences), undecodable);
    }
}
