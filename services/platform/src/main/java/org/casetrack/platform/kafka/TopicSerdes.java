package org.casetrack.platform.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.casetrack.schemas.serde.AvroSerde;
import org.casetrack.schemas.registry.SchemaRegistry;
import org.casetrack.schemas.topics.Topic;

/** Value serdes of casetrack's topics, on the configured registry and auto-registration setting. */
public record TopicSerdes(SchemaRegistry registry, boolean autoRegister) {

    public <V> Serde<V> value(Topic<V> topic) {
        return topic.valueSerde(registry, autoRegister);
    }

    /**
     * A serde for a service's own internal records (state stores, changelog and repartition topics):
     * always auto-registered, because the service that owns them is the only one that writes them.
     */
    public <V extends SpecificRecord> Serde<V> internal(Class<V> type) {
        return new AvroSerde<>(registry, type, true);
    }
}
