package org.casetrack.schemas.topics;

import java.time.Duration;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.casetrack.schemas.registry.SchemaRegistry;
import org.casetrack.schemas.serde.AvroSerde;

/**
 * A topic as casetrack declares it: name, key and value types, and the settings the provisioner
 * enforces. Keys are always strings (an aggregate id, command id or view key).
 *
 * @param retention empty keeps records forever
 */
public record Topic<V>(String name, Class<V> valueType, Cleanup cleanup, Partitioning partitioning,
                       Optional<Duration> retention, int maxMessageBytes) {

    public enum Cleanup { DELETE, COMPACT }

    /** SHARED topics all have the configured partition count (so co-partitioned topics agree); SINGLE has one. */
    public enum Partitioning { SHARED, SINGLE }

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The value serde: Avro in the Confluent wire format for generated records, plain for strings and bytes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Serde<V> valueSerde(SchemaRegistry registry, boolean autoRegister) {
        if (SpecificRecord.class.isAssignableFrom(valueType)) {
            return new AvroSerde(registry, valueType, autoRegister);
        }
        if (valueType == String.class) {
            return (Serde<V>) Serdes.String();
        }
        if (valueType == byte[].class) {
            return (Serde<V>) Serdes.ByteArray();
        }
        throw new IllegalStateException("Topic " + name + " has no serde for " + valueType.getName());
    }

    public boolean isAvro() {
        return SpecificRecord.class.isAssignableFrom(valueType);
    }

    public String valueSubject() {
        return AvroSerde.subject(name, false);
    }
}
