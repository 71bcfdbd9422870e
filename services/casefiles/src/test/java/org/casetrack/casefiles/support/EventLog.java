package org.casetrack.casefiles.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;

/**
 * Writes events to the event topics the way the ledger does (keyed by aggregate id, in
 * transactions, so the topics carry commit markers and their offsets have gaps), and reads a topic
 * back to check the projection against it.
 */
public final class EventLog implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final Serializer<CaseEvent> cases;
    private final Serializer<CompoundEvent> compounds;

    public EventLog(String bootstrapServers, Topics topics, TopicSerdes serdes) {
        this.topics = topics;
        this.cases = serdes.value(topics.caseEvents()).serializer();
        this.compounds = serdes.value(topics.compoundEvents()).serializer();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-ledger-" + UUID.randomUUID()), new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    public void write(List<CompoundEvent> compoundEvents, List<CaseEvent> caseEvents) {
        producer.beginTransaction();
        String compoundTopic = topics.compoundEvents().name();
        String caseTopic = topics.caseEvents().name();
        compoundEvents.forEach(e -> producer.send(new ProducerRecord<>(compoundTopic, e.getMetadata().getAggregateId(),
                compounds.serialize(compoundTopic, e))));
        caseEvents.forEach(e -> producer.send(new ProducerRecord<>(caseTopic, e.getMetadata().getAggregateId(),
                cases.serialize(caseTopic, e))));
        producer.commitTransaction();
    }

    public void write(List<CaseEvent> caseEvents) {
        write(List.of(), caseEvents);
    }

    /** Raw bytes on a topic (a poison record), in a transaction of its own. */
    public void writeRaw(String topic, String key, byte[] value) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, key, value));
        producer.commitTransaction();
    }

    /** Every committed record of the topic, read to its current end. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The end offsets (after the last commit marker) of every partition of the topic. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
