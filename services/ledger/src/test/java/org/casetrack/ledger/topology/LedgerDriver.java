package org.casetrack.ledger.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.PendingCaseCommands;
import org.casetrack.avro.ProcessedCommand;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.ledger.fixtures.Commands;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The ledger's topology on a TopologyTestDriver, its wall clock starting at {@link Commands#NOW}. A test
 * class registers one per test ({@code @RegisterExtension final LedgerDriver ledger = new LedgerDriver();}),
 * which closes it after each test.
 */
final class LedgerDriver implements AutoCloseable, AfterEachCallback {
    static final Duration GRACE = Duration.ofSeconds(2);
    static final Duration RETRY = Duration.ofMillis(50);
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    final Topics topics = new Topics("");
    final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistry(), true);
    final TopologyTestDriver driver;
    final TestInputTopic<String, CaseCommand> caseCommands;
    final TestInputTopic<String, CompoundCommand> compoundCommands;
    /** The registry as the global table sees it: piping here stands for a registry update arriving late. */
    final TestInputTopic<String, CompoundState> registry;
    final TestOutputTopic<String, CaseEvent> caseEvents;
    final TestOutputTopic<String, CompoundEvent> compoundEvents;
    final TestOutputTopic<String, CompoundState> registryOut;
    final TestOutputTopic<String, CommandOutcome> outcomes;
    private final Path stateDir;

    LedgerDriver() {
        this(CompoundProgress.UP_TO_DATE);
    }

    LedgerDriver(CompoundProgress progress) {
        try {
            stateDir = Files.createTempDirectory(Path.of("target"), "ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the driver's state directory", e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-ttd");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put("processing.exception.handler.global.enabled", true);
        driver = new TopologyTestDriver(LedgerTopology.build(topics, serdes, GRACE, MAX_WAIT, RETRY, progress), props, Commands.NOW);
        caseCommands = input(topics.caseCommands());
        compoundCommands = input(topics.compoundCommands());
        registry = input(topics.compoundRegistry());
        caseEvents = output(topics.caseEvents());
        compoundEvents = output(topics.compoundEvents());
        registryOut = output(topics.compoundRegistry());
        outcomes = output(topics.commandOutcomes());
    }

    private <V> TestInputTopic<String, V> input(Topic<V> topic) {
        return driver.createInputTopic(topic.name(), Serdes.String().serializer(), serdes.value(topic).serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<V> topic) {
        return driver.createOutputTopic(topic.name(), Serdes.String().deserializer(), serdes.value(topic).deserializer());
    }

    void send(CaseCommand command) {
        caseCommands.pipeInput(command.getMetadata().getAggregateId(), command);
    }

    void send(CompoundCommand command) {
        compoundCommands.pipeInput(command.getMetadata().getAggregateId(), command);
    }

    private long advanced;

    /** Moves the wall clock, firing the retry punctuation on the way. */
    void advance(Duration duration) {
        for (Duration left = duration; !left.isNegative() && !left.isZero(); left = left.minus(RETRY)) {
            Duration step = left.compareTo(RETRY) < 0 ? left : RETRY;
            driver.advanceWallClockTime(step);
            advanced += step.toMillis();
        }
    }

    /** The driver's wall clock, in epoch milliseconds. */
    long now() {
        return Commands.NOW.toEpochMilli() + advanced;
    }

    /** Outcomes sent since the last call, by command id. */
    Map<UUID, CommandOutcome> outcomesByCommand() {
        return outcomes.readValuesToList().stream().collect(Collectors.toMap(CommandOutcome::getCommandId, o -> o, (a, b) -> b));
    }

    List<CommandOutcome> outcomeList() {
        return outcomes.readValuesToList();
    }

    KeyValueStore<String, CaseState> caseStates() {
        return driver.getKeyValueStore(StoreNames.CASE_STATE);
    }

    KeyValueStore<String, ProcessedCommand> caseProcessed() {
        return driver.getKeyValueStore(StoreNames.CASE_PROCESSED);
    }

    KeyValueStore<String, PendingCaseCommands> pending() {
        return driver.getKeyValueStore(StoreNames.CASE_PENDING);
    }

    KeyValueStore<String, CompoundState> compoundStates() {
        return driver.getKeyValueStore(StoreNames.COMPOUND_STATE);
    }

    CompoundState registered(String compoundId) {
        return CompoundState.newBuilder().setCompoundId(compoundId).setName("Compound " + compoundId).setCountry("KH")
                .setDiscoveredOn(Commands.ESCAPED_ON.minusDays(30)).setVersion(1).build();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        driver.close();
        DevStackExtension.deleteRecursively(stateDir);
    }
}
