package org.casetrack.intake.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.intake.config.IntakeSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;

/**
 * Publishes commands, keyed by aggregate id, with an idempotent acks=all producer that waits at
 * most {@code intake.send-timeout} for the broker, so a broker outage answers 503 promptly. Commands
 * linger up to {@code intake.linger} to share produce requests.
 */
@Singleton
public class CommandGateway implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final Serializer<CaseCommand> caseSerializer;
    private final Serializer<CompoundCommand> compoundSerializer;

    public CommandGateway(KafkaSettings kafka, ProvisionedTopics provisioned, TopicSerdes serdes, IntakeSettings settings) {
        this.topics = provisioned.topics();
        this.caseSerializer = serdes.value(topics.caseCommands()).serializer();
        this.compoundSerializer = serdes.value(topics.compoundCommands()).serializer();
        this.producer = new KafkaProducer<>(producerProperties(kafka, settings), new StringSerializer(), new ByteArraySerializer());
    }

    /** The command producer's configuration: idempotent, acks=all, bounded waits, and the settings' linger. */
    static Properties producerProperties(KafkaSettings kafka, IntakeSettings settings) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "intake-commands");
        return p;
    }

    public CompletableFuture<Void> send(CaseCommand command) {
        String topic = topics.caseCommands().name();
        return send(topic, command.getMetadata().getAggregateId(), () -> caseSerializer.serialize(topic, command));
    }

    public CompletableFuture<Void> send(CompoundCommand command) {
        String topic = topics.compoundCommands().name();
        return send(topic, command.getMetadata().getAggregateId(), () -> compoundSerializer.serialize(topic, command));
    }

    /** Encoding needs the registry (which lives in Kafka when embedded): its failure is a failed send too. */
    private CompletableFuture<Void> send(String topic, String key, Supplier<byte[]> value) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, value.get()), (metadata, error) -> {
                if (error == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
