package org.casetrack.casefiles.projector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.casetrack.casefiles.store.Batch;
import org.casetrack.platform.streams.DeadLetterHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records the projector cannot use to their source's dead-letter topic ({@code <topic>-dlq}),
 * with the original key, bytes and headers and the error in {@code casetrack.error.*} headers, as
 * the Streams services do. Sent and acknowledged before the batch commits, so a record is never
 * skipped without reaching the dead letters (a retried batch may send it twice).
 */
final class DeadLetters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;
    private final String application;

    DeadLetters(String bootstrapServers, String application) {
        this.application = application;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    void send(List<Batch.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Batch.Rejected r : rejected) {
            ConsumerRecord<String, byte[]> source = r.source();
            // the error's class and message: decoding and apply errors name ids and positions, never field values
            LOG.error("Record {}-{}@{} cannot be projected ({}): sent to the dead letters", source.topic(), source.partition(),
                    source.offset(), r.error().getClass().getSimpleName());
            RecordHeaders headers = new RecordHeaders(source.headers().toArray());
            header(headers, "exception", r.error().getClass().getName());
            header(headers, "message", String.valueOf(r.error().getMessage()));
            header(headers, "source.topic", source.topic());
            header(headers, "source.partition", Integer.toString(source.partition()));
            header(headers, "source.offset", Long.toString(source.offset()));
            header(headers, "application", application);
            sent.add(producer.send(new ProducerRecord<>(DeadLetterHandler.deadLetterTopic(source.topic()), source.partition(),
                    source.timestamp(), source.key(), source.value(), headers)));
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new KafkaException("A dead letter could not be written", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while writing dead letters", e);
            }
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(DeadLetterHandler.HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
