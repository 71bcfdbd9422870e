package org.casetrack.views.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;

/**
 * The serdes of the views topology: the ledger's topics as declared, and the service's own records
 * (stores, repartition topics and view topics) auto-registered, because views is their only writer and
 * a view topic's name changes with every generation.
 */
public record ViewSerdes(Serde<CaseEvent> caseEvents, Serde<CompoundEvent> compoundEvents, Serde<CompoundState> registry,
                         TopicSerdes serdes) {

    public static ViewSerdes of(Topics topics, TopicSerdes serdes) {
        return new ViewSerdes(serdes.value(topics.caseEvents()), serdes.value(topics.compoundEvents()),
                serdes.value(topics.compoundRegistry()), serdes);
    }

    public <V extends SpecificRecord> Serde<V> own(Class<V> type) {
        return serdes.internal(type);
    }
}
