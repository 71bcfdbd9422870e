package org.casetrack.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.casetrack.schemas.registry.SchemaNotFoundException;
import org.casetrack.schemas.registry.SchemaRegistry;

/**
 * Serializer, deserializer and serde of one generated Avro class in the Confluent wire format.
 * Writing looks up (or, with auto-registration, registers) the class's schema under the subject
 * {@code <topic>-value}; reading resolves the writer's schema by id against the class's schema, so
 * records written with older or newer compatible schemas read correctly. Null is a tombstone both ways.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final SchemaRegistry registry;
    private final Class<T> type;
    private final Schema schema;
    private final boolean autoRegister;
    private final boolean forKey;
    private final SpecificDatumWriter<T> writer;
    private final Map<String, Integer> idByTopic = new ConcurrentHashMap<>();
    private final Map<Integer, DatumReader<T>> readerById = new ConcurrentHashMap<>();

    public AvroSerde(SchemaRegistry registry, Class<T> type, boolean autoRegister) {
        this(registry, type, autoRegister, false);
    }

    public AvroSerde(SchemaRegistry registry, Class<T> type, boolean autoRegister, boolean forKey) {
        AvroTrust.ensure();
        this.registry = registry;
        this.type = type;
        this.schema = SpecificData.get().getSchema(type);
        this.autoRegister = autoRegister;
        this.forKey = forKey;
        this.writer = new SpecificDatumWriter<>(schema);
    }

    public static String subject(String topic, boolean forKey) {
        return topic + (forKey ? "-key" : "-value");
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // configured by its constructor
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = idByTopic.computeIfAbsent(topic, this::schemaId);
        EncodeBuffer buffer = EncodeBuffer.take();
        try {
            buffer.start(id);
            writer.write(data, buffer.encoder());
            return buffer.finish();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode a " + type.getSimpleName() + " for topic " + topic + ": " + e.getClass().getSimpleName(), e);
        } finally {
            buffer.release();
        }
    }

    private int schemaId(String topic) {
        String subject = subject(topic, forKey);
        if (autoRegister) {
            return registry.register(subject, schema);
        }
        return registry.lookup(subject, schema).orElseThrow(() -> new SerializationException(
                "The schema of " + type.getSimpleName() + " is not registered under subject " + subject
                        + " and auto-registration is off: register it at deploy time"));
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<T> reader;
        try {
            reader = readerById.computeIfAbsent(id, this::readerFor);
        } catch (SchemaNotFoundException e) {
            throw new SerializationException("Record on topic " + topic + " names schema id " + id + ", which the registry does not know", e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Record on topic " + topic + " has " + "bytes left over after a " + type.getSimpleName());
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("Record on topic " + topic + " cannot be decoded as " + type.getSimpleName()
                    + " with schema id " + id + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        Schema writerSchema = registry.byId(id);
        return new SpecificDatumReader<>(writerSchema, schema, SpecificData.getForClass(type));
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void close() {
        // the registry belongs to whoever created it
    }
}
