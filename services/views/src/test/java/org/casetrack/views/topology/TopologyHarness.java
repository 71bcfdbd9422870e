package org.casetrack.views.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundView;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.UnrepatriatedView;
import org.casetrack.avro.VictimsPerCompoundView;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.casetrack.schemas.topics.Topics;

/** The views topology on a TopologyTestDriver, with its input topics, view topics and stores. */
final class TopologyHarness implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Phnom_Penh");

    final MutableClock clock;
    final TopologyTestDriver driver;
    final TestInputTopic<String, CaseEvent> cases;
    final TestInputTopic<String, CompoundEvent> compoundEvents;
    final TestInputTopic<String, CompoundState> registry;
    final TestOutputTopic<String, VictimsPerCompoundView> victimsView;
    final TestOutputTopic<String, CompoundView> compoundsView;
    final TestOutputTopic<String, UnrepatriatedView> unrepatriatedView;
    final TestOutputTopic<String, TimelineDay> timelineView;
    private final Path stateDir;
    private final Duration fold;
    private final boolean foldEachInput;

    /** The topology as a serving instance runs it, every input's deltas folded and sent on before the next input. */
    TopologyHarness(Instant now) throws Exception {
        this(now, Duration.ofMillis(20), true);
    }

    /**
     * @param fold          the fold interval ({@code ZERO}: no folding)
     * @param foldEachInput let the fold interval pass after every input; otherwise only {@link #fold()} sends pending deltas
     */
    TopologyHarness(Instant now, Duration fold, boolean foldEachInput) throws Exception {
        this.fold = fold;
        this.foldEachInput = foldEachInput;
        clock = new MutableClock(now);
        Topics topics = new Topics("t.");
        ViewTopics views = ViewTopics.of(topics, 1);
        TopicSerdes topicSerdes = new TopicSerdes(new InMemorySchemaRegistry(), true);
        ViewSerdes serdes = ViewSerdes.of(topics, topicSerdes);
        stateDir = Files.createTempDirectory("views-ttd");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-ttd");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ViewsTopology.build(topics, views, serdes, clock, ZONE, fold), props, now);
        var keys = Serdes.String();
        cases = driver.createInputTopic(topics.caseEvents().name(), keys.serializer(), serdes.caseEvents().serializer());
        compoundEvents = driver.createInputTopic(topics.compoundEvents().name(), keys.serializer(), serdes.compoundEvents().serializer());
        registry = driver.createInputTopic(topics.compoundRegistry().name(), keys.serializer(), serdes.registry().serializer());
        victimsView = driver.createOutputTopic(views.victimsPerCompound().name(), keys.deserializer(),
                serdes.own(VictimsPerCompoundView.class).deserializer());
        compoundsView = driver.createOutputTopic(views.compounds().name(), keys.deserializer(), serdes.own(CompoundView.class).deserializer());
        unrepatriatedView = driver.createOutputTopic(views.unrepatriated().name(), keys.deserializer(),
                serdes.own(UnrepatriatedView.class).deserializer());
        timelineView = driver.createOutputTopic(views.timeline().name(), keys.deserializer(), serdes.own(TimelineDay.class).deserializer());
    }

    void caseEvent(CaseEvent event) {
        cases.pipeInput(event.getMetadata().getAggregateId(), event);
        afterInput();
    }

    void compoundEvent(CompoundEvent event) {
        compoundEvents.pipeInput(event.getMetadata().getAggregateId(), event);
        afterInput();
    }

    void register(CompoundState state) {
        registry.pipeInput(state.getCompoundId(), state);
        afterInput();
    }

    private void afterInput() {
        if (foldEachInput) {
            fold();
        }
    }

    /** Lets one fold interval of wall-clock time pass (the date of the views' clock stays), so pending deltas go on. */
    void fold() {
        if (!fold.isZero()) {
            driver.advanceWallClockTime(fold);
        }
    }

    KeyValueStore<String, CompoundCounts> counts() {
        return driver.getKeyValueStore(ViewsTopology.COUNTS_STORE);
    }

    KeyValueStore<String, CompoundCounts> dates() {
        return driver.getKeyValueStore(ViewsTopology.DATES_STORE);
    }

    KeyValueStore<String, TimelineDay> timeline() {
        return driver.getKeyValueStore(ViewsTopology.TIMELINE_STORE);
    }

    /** The latest record of every key on a compacted view topic, as a reader of the topic would see it. */
    static <V> Map<String, V> latest(TestOutputTopic<String, V> topic) {
        Map<String, V> latest = new LinkedHashMap<>();
        topic.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    void passTime(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
    }

    @Override
    public void close() {
        driver.close();
        org.casetrack.devstack.DevStackExtension.deleteRecursively(stateDir);
    }
}
