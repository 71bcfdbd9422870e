package org.casetrack.feeds.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.avro.FeedEntry;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.feeds.support.MutableClock;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.casetrack.schemas.topics.Topics;

/** The feeds topology on a TopologyTestDriver with feeds for TH and VN only, and a clock the test moves. */
final class FeedHarness implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Phnom_Penh");
    static final Set<String> NATIONALITIES = Set.of("TH", "VN");

    final MutableClock clock;
    final Topics topics = new Topics("t.");
    final TopologyTestDriver driver;
    final TestInputTopic<String, CaseEvent> caseEvents;
    final TestOutputTopic<String, FeedEntry> th;
    final TestOutputTopic<String, FeedEntry> vn;
    private final Path stateDir;

    /** @param now the wall clock: 2026-02-01 in Phnom Penh unless a test needs another day */
    FeedHarness(Instant now) throws Exception {
        clock = new MutableClock(now, ZONE);
        FeedSerdes serdes = FeedSerdes.of(topics, new TopicSerdes(new InMemorySchemaRegistry(), true));
        stateDir = Files.createTempDirectory("feeds-ttd");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "feeds-ttd");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(FeedTopology.build(topics, NATIONALITIES, serdes, clock), props, now);
        caseEvents = driver.createInputTopic(topics.caseEvents().name(), Serdes.String().serializer(), serdes.caseEvents().serializer());
        th = driver.createOutputTopic(topics.embassyFeedName("TH"), Serdes.String().deserializer(), serdes.entries().deserializer());
        vn = driver.createOutputTopic(topics.embassyFeedName("VN"), Serdes.String().deserializer(), serdes.entries().deserializer());
    }

    FeedHarness() throws Exception {
        this(Instant.parse("2026-02-01T03:00:00Z"));
    }

    void pipe(CaseEvent... events) {
        for (CaseEvent event : events) {
            caseEvents.pipeInput(event.getMetadata().getAggregateId(), event);
        }
    }

    static List<String> types(List<KeyValue<String, FeedEntry>> entries) {
        return entries.stream().map(kv -> kv.value.getEventType()).toList();
    }

    /** Every topic the driver saw written, so a test can prove nothing went anywhere else. */
    Set<String> outputTopics() {
        return driver.producedTopicNames();
    }

    KeyValueStore<String, FeedCaseState> store() {
        return driver.getKeyValueStore(FeedTopology.CASE_STORE);
    }

    @Override
    public void close() {
        driver.close();
        DevStackExtension.deleteRecursively(stateDir);
    }
}
