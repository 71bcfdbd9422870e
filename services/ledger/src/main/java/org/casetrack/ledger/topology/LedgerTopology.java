package org.casetrack.ledger.topology;

import static org.casetrack.ledger.topology.StoreNames.*;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.PendingCaseCommands;
import org.casetrack.avro.ProcessedCommand;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;

/**
 * The ledger's topology, built by a pure method: one sub-topology per aggregate type (compounds, cases)
 * and the global store of the compound registry, which case decisions read.
 *
 * <pre>
 * compound-commands -> compound-decider [compound-state, compound-processed-commands]
 *                        -> compound-events, compound-registry, command-outcomes
 * case-commands     -> case-decider [case-state, case-processed-commands, case-pending-commands]
 *                        (reads compound-registry-store) -> case-events, command-outcomes
 * compound-registry -> compound-registry-updater [compound-registry-store, global]
 * </pre>
 */
public final class LedgerTopology {
    private LedgerTopology() {
    }

    /** The topology with a compound side that never lags (topology tests). */
    public static Topology build(Topics topics, TopicSerdes serdes, Duration compoundGrace, Duration retryInterval) {
        return build(topics, serdes, compoundGrace, Duration.ofMinutes(1), retryInterval, CompoundProgress.UP_TO_DATE);
    }

    public static Topology build(Topics topics, TopicSerdes serdes, Duration compoundGrace, Duration compoundMaxWait,
                                 Duration retryInterval, CompoundProgress progress) {
        Serde<String> keys = Serdes.String();
        Topology topology = new Topology();

        // case decisions only ask whether a compound is registered: the global store keeps the registry's bytes undecoded
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COMPOUND_REGISTRY), keys, Serdes.ByteArray())
                        .withLoggingDisabled(),
                REGISTRY_SOURCE, keys.deserializer(), Serdes.ByteArray().deserializer(), topics.compoundRegistry().name(),
                REGISTRY_UPDATER, RegistryUpdater::new);

        topology.addSource(COMPOUND_SOURCE, keys.deserializer(), serdes.value(topics.compoundCommands()).deserializer(),
                topics.compoundCommands().name());
        topology.addProcessor(COMPOUND_DECIDER, CompoundCommandProcessor::new, COMPOUND_SOURCE);
        topology.addStateStore(store(COMPOUND_STATE, serdes.internal(CompoundState.class)), COMPOUND_DECIDER);
        topology.addStateStore(store(COMPOUND_PROCESSED, serdes.internal(ProcessedCommand.class)), COMPOUND_DECIDER);
        topology.addSink(COMPOUND_EVENTS_SINK, topics.compoundEvents().name(), keys.serializer(),
                serdes.value(topics.compoundEvents()).serializer(), COMPOUND_DECIDER);
        topology.addSink(COMPOUND_REGISTRY_SINK, topics.compoundRegistry().name(), keys.serializer(),
                serdes.value(topics.compoundRegistry()).serializer(), COMPOUND_DECIDER);
        topology.addSink(COMPOUND_OUTCOMES_SINK, topics.commandOutcomes().name(), keys.serializer(),
                serdes.value(topics.commandOutcomes()).serializer(), COMPOUND_DECIDER);

        topology.addSource(CASE_SOURCE, keys.deserializer(), serdes.value(topics.caseCommands()).deserializer(),
                topics.caseCommands().name());
        topology.addProcessor(CASE_DECIDER, () -> new CaseCommandProcessor(compoundGrace, compoundMaxWait, retryInterval, progress), CASE_SOURCE);
        topology.addStateStore(store(CASE_STATE, serdes.internal(CaseState.class)), CASE_DECIDER);
        topology.addStateStore(store(CASE_PROCESSED, serdes.internal(ProcessedCommand.class)), CASE_DECIDER);
        topology.addStateStore(store(CASE_PENDING, serdes.internal(PendingCaseCommands.class)), CASE_DECIDER);
        topology.addSink(CASE_EVENTS_SINK, topics.caseEvents().name(), keys.serializer(),
                serdes.value(topics.caseEvents()).serializer(), CASE_DECIDER);
        topology.addSink(CASE_OUTCOMES_SINK, topics.commandOutcomes().name(), keys.serializer(),
                serdes.value(topics.commandOutcomes()).serializer(), CASE_DECIDER);
        return topology;
    }

    private static <V extends SpecificRecord> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
