package org.casetrack.feeds.topology;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrack.avro.FeedEntry;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topic;

/**
 * Reads a feed topic from a position: a consumer assigned to its only partition (no group, no
 * committed offsets: positions are kept by the SSE client or the webhook cursor), reading only
 * committed records (the topology writes exactly-once).
 */
@Singleton
public class FeedReader {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaSettings kafka;
    private final TopicSerdes serdes;
    private final AtomicLong readers = new AtomicLong();

    public FeedReader(KafkaSettings kafka, TopicSerdes serdes) {
        this.kafka = kafka;
        this.serdes = serdes;
    }

    /** The offsets a feed holds now: from the log start (older ones are gone) up to, not including, the end. */
    public record Range(long start, long end) {
    }

    /** @param purpose names the reader in the client id (never a person: client ids reach broker logs and metrics) */
    public KafkaConsumer<String, FeedEntry> open(Topic<FeedEntry> topic, String purpose) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "casetrack-" + purpose + "-" + readers.incrementAndGet());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        KafkaConsumer<String, FeedEntry> consumer = new KafkaConsumer<>(p, new StringDeserializer(), serdes.value(topic).deserializer());
        consumer.assign(List.of(partition(topic)));
        return consumer;
    }

    public Range range(KafkaConsumer<String, FeedEntry> consumer, Topic<FeedEntry> topic) {
        TopicPartition partition = partition(topic);
        long start = consumer.beginningOffsets(List.of(partition), TIMEOUT).get(partition);
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        return new Range(start, end);
    }

    public static TopicPartition partition(Topic<FeedEntry> topic) {
        return new TopicPartition(topic.name(), 0);
    }
}
