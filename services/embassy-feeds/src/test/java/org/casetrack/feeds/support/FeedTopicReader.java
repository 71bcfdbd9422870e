package org.casetrack.feeds.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.topology.FeedReader;
import org.casetrack.feeds.topology.FeedTopics;
import org.casetrack.schemas.topics.Topic;

/** Reads a feed topic straight from the broker, as the ground truth streams and webhooks are compared with. */
public final class FeedTopicReader {
    private FeedTopicReader() {
    }

    public static List<ConsumerRecord<String, FeedEntry>> readAll(FeedsServer feeds, String iso2) {
        Topic<FeedEntry> topic = feeds.bean(FeedTopics.class).of(iso2).orElseThrow();
        FeedReader reader = feeds.bean(FeedReader.class);
        List<ConsumerRecord<String, FeedEntry>> records = new ArrayList<>();
        try (KafkaConsumer<String, FeedEntry> consumer = reader.open(topic, "test-reader")) {
            FeedReader.Range range = reader.range(consumer, topic);
            consumer.seek(FeedReader.partition(topic), range.start());
            long deadline = System.currentTimeMillis() + 30_000;
            while (consumer.position(FeedReader.partition(topic)) < range.end() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
