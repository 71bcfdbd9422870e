package org.casetrack.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.Compatibility;
import org.casetrack.schemas.registry.EmbeddedSchemaRegistry;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.Topics;

/**
 * The ledger against the real in-process broker: its Micronaut context (as standalone or compose would
 * run it), plus a producer of commands and readers of its outputs that speak the wire format through a
 * registry on the same _schemas topic.
 */
final class LiveLedger implements AutoCloseable {
    final TestScope scope;
    final Topics topics;
    final TopicSerdes serdes;
    private final EmbeddedSchemaRegistry registry;
    private final KafkaProducer<String, byte[]> producer;
    private final Serde<CaseCommand> caseCommands;
    private final Serde<CompoundCommand> compoundCommands;

    LiveLedger(TestScope scope) {
        this.scope = scope.provisionTopics();
        this.topics = scope.topics();
        this.registry = EmbeddedSchemaRegistry.start(scope.bootstrapServers(), topics.schemas().name(), Compatibility.FULL_TRANSITIVE);
        this.serdes = new TopicSerdes(registry, true);
        this.caseCommands = serdes.value(topics.caseCommands());
        this.compoundCommands = serdes.value(topics.compoundCommands());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Starts a ledger instance (its own state directory) and waits until it runs. */
    ApplicationContext start(String instance, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "kafka.bootstrap-servers", scope.bootstrapServers(),
                "casetrack.topic-prefix", topics.prefix(),
                "casetrack.data-dir", "target/state-" + scope.id() + "-" + instance,
                "ledger.application-id", scope.applicationId("ledger")));
        settings.putAll(extra);
        ApplicationContext context = ApplicationContext.run(settings);
        assertThat(context.getBean(LedgerService.class).app().awaitRunning(Duration.ofSeconds(90))).as("ledger running").isTrue();
        return context;
    }

    void send(CaseCommand command) {
        sendRaw(topics.caseCommands().name(), command.getMetadata().getAggregateId(),
                caseCommands.serializer().serialize(topics.caseCommands().name(), command));
    }

    void send(CompoundCommand command) {
        sendRaw(topics.compoundCommands().name(), command.getMetadata().getAggregateId(),
                compoundCommands.serializer().serialize(topics.compoundCommands().name(), command));
    }

    void sendRaw(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    void flush() {
        producer.flush();
    }

    /** Reads a topic from the beginning (committed records only) until the records read satisfy the condition. */
    <V> List<ConsumerRecord<String, V>> readUntil(Topic<V> topic, Duration atMost, Predicate<List<ConsumerRecord<String, V>>> done) {
        var deserializer = serdes.value(topic).deserializer();
        List<ConsumerRecord<String, V>> decoded = new ArrayList<>();
        readRawUntil(topic.name(), atMost, raw -> {
            for (int i = decoded.size(); i < raw.size(); i++) {
                ConsumerRecord<String, byte[]> r = raw.get(i);
                decoded.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), deserializer.deserialize(r.topic(), r.value())));
            }
            return done.test(decoded);
        });
        return decoded;
    }

    /** Reads raw records from the beginning (committed only) until the condition holds. */
    List<ConsumerRecord<String, byte[]>> readRawUntil(String topic, Duration atMost, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(topic).size())
                    .mapToObj(i -> new TopicPartition(topic, i)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    /** Outcomes by command id, read until every command id listed has one. */
    Map<UUID, List<CommandOutcome>> outcomesOf(List<UUID> commandIds, Duration atMost) {
        Map<UUID, List<CommandOutcome>> byCommand = new HashMap<>();
        readUntil(topics.commandOutcomes(), atMost, records -> {
            byCommand.clear();
            records.forEach(r -> byCommand.computeIfAbsent(r.value().getCommandId(), k -> new ArrayList<>()).add(r.value()));
            return byCommand.keySet().containsAll(commandIds);
        });
        return byCommand;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        registry.close();
    }
}
