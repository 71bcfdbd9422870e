package org.casetrack.casefiles.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;

/**
 * The projection checked against the topics themselves: one history row per event (same id, same
 * partition and offset), every aggregate's sequences 1..n without a gap, and the stored offsets at
 * the topics' ends.
 */
public final class ProjectionCheck {
    private ProjectionCheck() {
    }

    /** With the registry the events were written with. */
    public static void matchesTheTopics(TestScope scope, DerivedRows rows) {
        matchesTheTopics(scope, ProjectorFixture.serdes(scope), rows);
    }

    public static void matchesTheTopics(TestScope scope, TopicSerdes serdes, DerivedRows rows) {
        String caseTopic = scope.topics().caseEvents().name();
        String compoundTopic = scope.topics().compoundEvents().name();
        Deserializer<CaseEvent> cases = serdes.value(scope.topics().caseEvents()).deserializer();
        Deserializer<CompoundEvent> compounds = serdes.value(scope.topics().compoundEvents()).deserializer();

        List<DerivedRows.EventRow> expectedCases = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : EventLog.readAll(scope.bootstrapServers(), caseTopic)) {
            CaseEvent e = cases.deserialize(caseTopic, r.value());
            expectedCases.add(new DerivedRows.EventRow(e.getMetadata().getEventId().toString(), e.getMetadata().getAggregateId(),
                    e.getMetadata().getSequence(), r.partition(), r.offset()));
        }
        List<DerivedRows.EventRow> expectedCompounds = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : EventLog.readAll(scope.bootstrapServers(), compoundTopic)) {
            CompoundEvent e = compounds.deserialize(compoundTopic, r.value());
            expectedCompounds.add(new DerivedRows.EventRow(e.getMetadata().getEventId().toString(), e.getMetadata().getAggregateId(),
                    e.getMetadata().getSequence(), r.partition(), r.offset()));
        }
        Comparator<DerivedRows.EventRow> order = Comparator.comparing(DerivedRows.EventRow::aggregateId)
                .thenComparingLong(DerivedRows.EventRow::sequence);
        expectedCases.sort(order);
        expectedCompounds.sort(order);
        assertThat(rows.caseEvents()).containsExactlyElementsOf(expectedCases);
        assertThat(rows.compoundEvents()).containsExactlyElementsOf(expectedCompounds);
        assertContiguous(rows.caseEvents());
        assertContiguous(rows.compoundEvents());

        Map<TopicPartition, Long> ends = new HashMap<>(EventLog.endOffsets(scope.bootstrapServers(), caseTopic));
        ends.putAll(EventLog.endOffsets(scope.bootstrapServers(), compoundTopic));
        Map<TopicPartition, Long> stored = rows.offsets();
        ends.forEach((partition, end) -> {
            if (end > 0) {
                // the last record of a transaction is followed by its commit marker, which the consumer skips
                assertThat(stored.get(partition)).as("stored offset of " + partition).isBetween(end - 1, end);
            }
        });
    }

    private static void assertContiguous(List<DerivedRows.EventRow> rows) {
        Map<String, Long> last = new HashMap<>();
        for (DerivedRows.EventRow row : rows) {
            long previous = last.getOrDefault(row.aggregateId(), 0L);
            assertThat(row.sequence()).as("sequence after " + previous + " of " + row.aggregateId()).isEqualTo(previous + 1);
            last.put(row.aggregateId(), row.sequence());
        }
    }
}
