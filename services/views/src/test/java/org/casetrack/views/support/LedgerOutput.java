package org.casetrack.views.support;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;

/**
 * Writes what the ledger writes (case-events, compound-events, compound-registry, keyed by aggregate
 * id, in the wire format) straight to the real broker, standing in for the ledger and intake.
 */
public final class LedgerOutput implements AutoCloseable {
    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final Serde<CaseEvent> cases;
    private final Serde<CompoundEvent> compoundEvents;
    private final Serde<CompoundState> registry;

    public LedgerOutput(String bootstrapServers, Topics topics, TopicSerdes serdes) {
        this.topics = topics;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        this.cases = serdes.value(topics.caseEvents());
        this.compoundEvents = serdes.value(topics.compoundEvents());
        this.registry = serdes.value(topics.compoundRegistry());
    }

    public void caseEvent(CaseEvent event) {
        send(topics.caseEvents().name(), event.getMetadata().getAggregateId(), cases.serializer().serialize(topics.caseEvents().name(), event));
    }

    public void compoundEvent(CompoundEvent event) {
        send(topics.compoundEvents().name(), event.getMetadata().getAggregateId(),
                compoundEvents.serializer().serialize(topics.compoundEvents().name(), event));
    }

    public void register(CompoundState state) {
        send(topics.compoundRegistry().name(), state.getCompoundId(), registry.serializer().serialize(topics.compoundRegistry().name(), state));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        send(topic, key, value);
    }

    private void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
