package org.casetrack.ledger.topology;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.ProcessedCommand;
import org.casetrack.ledger.domain.CompoundDecider;
import org.casetrack.ledger.domain.CompoundEvolver;
import org.casetrack.ledger.domain.Decision;
import org.casetrack.ledger.domain.DecisionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compound aggregate's writer: decides each compound command against the compound's state, writes
 * its events, the full state after each event to the compacted registry, the new state to its store and
 * the outcome, all in the task's transaction.
 */
final class CompoundCommandProcessor implements Processor<String, CompoundCommand, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(CompoundCommandProcessor.class);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CompoundState> states;
    private KeyValueStore<String, ProcessedCommand> processed;
    private CommandAnswers answers;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(StoreNames.COMPOUND_STATE);
        this.processed = context.getStateStore(StoreNames.COMPOUND_PROCESSED);
        this.answers = new CommandAnswers(context, StoreNames.COMPOUND_OUTCOMES_SINK);
    }

    @Override
    public void process(Record<String, CompoundCommand> record) {
        CompoundCommand command = record.value();
        if (command == null) {
            LOG.warn("Ignoring an empty record on the compound commands for key {}", record.key());
            return;
        }
        CommandMetadata metadata = command.getMetadata();
        long now = context.currentSystemTimeMs();
        String commandId = metadata.getCommandId().toString();
        if (!answers.admits(record.key(), metadata, processed.get(commandId), now)) {
            return;
        }
        String compoundId = record.key();
        DecisionContext decisionContext = new DecisionContext(Instant.ofEpochMilli(now), id -> false);
        Deciding.Result<CompoundEvent, CompoundState> result = Deciding.run(CompoundDecider::decide, CompoundEvolver::apply,
                states.get(compoundId), command, decisionContext, metadata.getCommandId());
        if (result.decision() instanceof Decision.Accepted<CompoundEvent> accepted) {
            List<CompoundEvent> events = accepted.events();
            for (int i = 0; i < events.size(); i++) {
                context.forward(new Record<>(compoundId, events.get(i), now), StoreNames.COMPOUND_EVENTS_SINK);
                context.forward(new Record<>(compoundId, result.states().get(i), now), StoreNames.COMPOUND_REGISTRY_SINK);
            }
            states.put(compoundId, result.finalState());
            List<UUID> ids = events.stream().map(e -> e.getMetadata().getEventId()).toList();
            processed.put(commandId, answers.accepted(metadata, ids, now));
        } else if (result.decision() instanceof Decision.Rejected<CompoundEvent> rejected) {
            ProcessedCommand remembered = answers.rejected(metadata, rejected.rejection(), now);
            if (remembered != null) {
                processed.put(commandId, remembered);
            }
        } else {
            throw new IllegalStateException("A compound command cannot wait for a compound");
        }
    }
}
