package org.casetrack.platform.streams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be decoded goes, with its original bytes and headers, to the dead-letter
 * topic of its source ({@code <topic>-dlq}), with the error in headers; processing continues.
 * Built on Kafka Streams' own dead-letter support (KIP-1034): the records are produced in the same
 * transaction as the task's output.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler {
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
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.error("Undecodable record on {}-{} at offset {} in {}: {}", record.topic(), record.partition(), record.offset(),
                application, exception.getMessage());
        if (!withDeadLetters.contains(record.topic())) {
            return Response.resume();
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "exception", exception.getClass().getName());
        header(headers, "message", String.valueOf(exception.getMessage()));
        header(headers, "source.topic", record.topic());
        header(headers, "source.partition", Integer.toString(record.partition()));
        header(headers, "source.offset", Long.toString(record.offset()));
        header(headers, "application", application);
        return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic(record.topic()), record.partition(),
                record.timestamp(), record.key(), record.value(), headers)));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }
}
