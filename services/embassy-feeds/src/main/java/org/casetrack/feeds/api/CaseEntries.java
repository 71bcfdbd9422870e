package org.casetrack.feeds.api;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.domain.FeedItem;
import org.casetrack.feeds.topology.FeedReader;
import org.casetrack.schemas.topics.Topic;

/** One case's entries in a feed, read from the feed's start to its current end (feeds are small: one nationality, 90 days). */
@Singleton
public class CaseEntries {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long DEADLINE_MS = 20_000;

    private final FeedReader reader;

    public CaseEntries(FeedReader reader) {
        this.reader = reader;
    }

    public List<FeedItem> of(Topic<FeedEntry> topic, String caseId) {
        List<FeedItem> entries = new ArrayList<>();
        try (KafkaConsumer<String, FeedEntry> consumer = reader.open(topic, "feed-case-lookup")) {
            FeedReader.Range range = reader.range(consumer, topic);
            consumer.seek(FeedReader.partition(topic), range.start());
            long deadline = System.currentTimeMillis() + DEADLINE_MS;
            while (consumer.position(FeedReader.partition(topic)) < range.end()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Reading " + topic.name() + " took longer than " + DEADLINE_MS + " ms");
                }
                for (ConsumerRecord<String, FeedEntry> record : consumer.poll(POLL)) {
                    if (record.offset() < range.end() && caseId.equals(record.key()) && record.value() != null) {
                        entries.add(FeedItem.of(record.offset(), record.value()));
                    }
                }
            }
        }
        return entries;
    }
}
