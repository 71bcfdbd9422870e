package org.casetrack.platform.streams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be decoded, or whose processing throws, goes with its original bytes and
 * headers to the dead-letter topic of its source ({@code <topic>-dlq}), with the error in headers;
 * processing continues, so one poison record never stops a service. Built on Kafka Streams' own
 * dead-letter support (KIP-1034): the records are produced in the same transaction as the task's
 * output. A dead letter can be replayed onto its source once the cause is fixed.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    /** Comma-separated source topics that have a dead-letter topic. */
    public static final String TOPICS_CONFIG = "casetrack.dead-letter.topics";
    public static final String HEADER_PREFIX = "casetrack.error.";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private Set<String> withDeadLetters = Set.of();
    private String application = "";

    @Override
    public void configure(Map<String, ?> configs) {
        Object topics = configs.get(TOPICS_CONFIG);
        if (topics != null) {
            withDeadLetters = Arrays.stream(topics.toString().split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
        Object id = configs.get("application.id");
        application = id == null ? "" : id.toString();
    }

    public static String deadLetterTopic(String source) {
        return source + "-dlq";
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        LOG.error("Undecodable record on {}-{} at offset {} in {}: {}", record.topic(), record.partition(), record.offset(),
                application, exception.getMessage());
        if (!withDeadLetters.contains(record.topic())) {
            return DeserializationExceptionHandler.Response.resume();
        }
        return DeserializationExceptionHandler.Response.resume(List.of(letter(record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.key(), record.value(), record.headers(), exception)));
    }

    /** Processing threw: a bug or an impossible state. The record is kept as a dead letter; its message is not logged, it could hold data. */
    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.error("Processing failed in {} at node {} for {}-{} offset {}: {}", application, context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), exception.getClass().getName(), Redacted.of(exception));
        if (context.topic() == null || !withDeadLetters.contains(context.topic()) || context.sourceRawValue() == null) {
            return ProcessingExceptionHandler.Response.resume();
        }
        return ProcessingExceptionHandler.Response.resume(List.of(letter(context.topic(), context.partition(), context.offset(),
                context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception)));
    }

    private ProducerRecord<byte[], byte[]> letter(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                                                  Headers original, Exception exception) {
        RecordHeaders headers = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0] : original.toArray());
        header(headers, "exception", exception.getClass().getName());
        header(headers, "message", exception instanceof SerializationException ? String.valueOf(exception.getMessage()) : "processing failed");
        header(headers, "source.topic", topic);
        header(headers, "source.partition", Integer.toString(partition));
        header(headers, "source.offset", Long.toString(offset));
        header(headers, "application", application);
        return new ProducerRecord<>(deadLetterTopic(topic), partition, timestamp, key, value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }
}
