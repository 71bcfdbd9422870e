package org.casetrack.ledger.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.ProcessedCommand;
import org.casetrack.avro.Rejection;
import org.casetrack.ledger.domain.CaseDecider;
import org.casetrack.ledger.domain.CaseEvolver;
import org.casetrack.ledger.domain.Decision;
import org.casetrack.ledger.domain.DecisionContext;
import org.casetrack.ledger.domain.Deduplication;
import org.casetrack.ledger.domain.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case aggregate's writer. A command naming a compound the registry (a global table, updated
 * asynchronously) does not hold yet is parked with its arrival time and retried on a wall-clock
 * punctuation; once the grace has run while the compound side was up to date ({@link CompoundProgress}),
 * or after the maximum wait, it is rejected UNKNOWN_COMPOUND. While a case has parked commands, its
 * later commands queue behind them, so a case's commands are always decided in arrival order.
 */
final class CaseCommandProcessor implements Processor<String, CaseCommand, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(CaseCommandProcessor.class);

    private final Duration grace;
    private final Duration maxWait;
    private final Duration retryInterval;
    private final CompoundProgress progress;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CaseState> states;
    private KeyValueStore<String, ProcessedCommand> processed;
    private KeyValueStore<String, byte[]> registry;
    private ParkedCommands parked;
    private CommandAnswers answers;

    CaseCommandProcessor(Duration grace, Duration maxWait, Duration retryInterval, CompoundProgress progress) {
        this.grace = grace;
        this.maxWait = maxWait;
        this.retryInterval = retryInterval;
        this.progress = progress;
    }

    /**
     * The grace runs from arrival, but only while the compound side is up to date; a command never
     * waits longer than the maximum wait in any case.
     */
    private boolean graceOver(long arrivedAt, long now) {
        if (now - arrivedAt >= maxWait.toMillis()) {
            return true;
        }
        long since = progress.upToDateSince(now);
        return since != Long.MAX_VALUE && now - Math.max(arrivedAt, since) >= grace.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(StoreNames.CASE_STATE);
        this.registry = context.getStateStore(StoreNames.COMPOUND_REGISTRY);
        this.parked = new ParkedCommands(context.getStateStore(StoreNames.CASE_PENDING));
        this.processed = context.getStateStore(StoreNames.CASE_PROCESSED);
        this.answers = new CommandAnswers(context, StoreNames.CASE_OUTCOMES_SINK);
        context.schedule(retryInterval, PunctuationType.WALL_CLOCK_TIME, this::retryParked);
    }

    @Override
    public void process(Record<String, CaseCommand> record) {
        CaseCommand command = record.value();
        if (command == null) {
            LOG.warn("Ignoring an empty record on the case commands for key {}", record.key());
            return;
        }
        CommandMetadata metadata = command.getMetadata();
        long now = context.currentSystemTimeMs();
        CaseState state = states.get(record.key());
        if (!answers.admits(record.key(), metadata, remembered(state, metadata), now)) {
            return;
        }
        if (parked.hasWaiting(record.key())) {
            parked.queue(record.key(), command, now);
            LOG.debug("Command {} queued behind the waiting commands of its case", metadata.getCommandId());
            return;
        }
        String awaited = settle(command, state, now, now);
        if (awaited != null) {
            parked.park(record.key(), command, now, awaited);
            LOG.debug("Command {} waits for its compound to reach the registry", metadata.getCommandId());
        }
    }

    /** Retries the cases whose compound has reached the registry, or whose grace is over, or not known since a restart. */
    private void retryParked(long now) {
        if (parked.waitingCases() == 0) {
            return;
        }
        parked.retry(head -> head.compoundId() == null || graceOver(head.arrivedAt(), now) || isRegistered(head.compoundId()),
                (command, arrivedAt) -> {
                    CaseState state = states.get(command.getMetadata().getAggregateId());
                    return answers.answeredBefore(command.getMetadata(), remembered(state, command.getMetadata()), now)
                            ? null : settle(command, state, arrivedAt, now);
                });
    }

    /**
     * The command id's earlier decision: kept in the case's state, or in the processed store when it was
     * decided while the case had no state (and, for cases decided by earlier versions, every decision).
     */
    private ProcessedCommand remembered(CaseState state, CommandMetadata metadata) {
        ProcessedCommand kept = Deduplication.decidedOn(state, metadata.getCommandId());
        return kept != null ? kept : processed.get(metadata.getCommandId().toString());
    }

    /** Keeps a decision in the case's state, in the same write as its facts; in the processed store while it has none. */
    private void remember(String caseId, CaseState state, CommandMetadata metadata, ProcessedCommand decided) {
        if (state != null) {
            states.put(caseId, Deduplication.withDecided(state, decided));
        } else {
            processed.put(metadata.getCommandId().toString(), decided);
        }
    }

    private boolean isRegistered(String compoundId) {
        return registry.get(compoundId) != null;
    }

    /**
     * Decides the command against the case's current state and answers it: null when answered, else the
     * compound it must keep waiting for.
     */
    private String settle(CaseCommand command, CaseState state, long arrivedAt, long now) {
        CommandMetadata metadata = command.getMetadata();
        String caseId = metadata.getAggregateId();
        DecisionContext decisionContext = new DecisionContext(Instant.ofEpochMilli(now), this::isRegistered);
        Deciding.Result<CaseEvent, CaseState> result = Deciding.run(CaseDecider::decide, CaseEvolver::apply, state,
                command, decisionContext, metadata.getCommandId());
        Decision<CaseEvent> decision = result.decision();
        if (decision instanceof Decision.Accepted<CaseEvent> accepted) {
            List<CaseEvent> events = accepted.events();
            events.forEach(e -> context.forward(new Record<>(caseId, e, now), StoreNames.CASE_EVENTS_SINK));
            List<UUID> ids = events.stream().map(e -> e.getMetadata().getEventId()).toList();
            remember(caseId, result.finalState(), metadata, answers.accepted(metadata, ids, now));
            return null;
        }
        if (decision instanceof Decision.Rejected<CaseEvent> rejected) {
            rejectRemembering(caseId, state, metadata, rejected.rejection(), now);
            return null;
        }
        Decision.AwaitingCompound<CaseEvent> waiting = (Decision.AwaitingCompound<CaseEvent>) decision;
        if (!graceOver(arrivedAt, now)) {
            return waiting.compoundId();
        }
        rejectRemembering(caseId, state, metadata, Rule.UNKNOWN_COMPOUND.reject(waiting.field(),
                "the compound named is not in the registry; register it first"), now);
        return null;
    }

    private void rejectRemembering(String caseId, CaseState state, CommandMetadata metadata, Rejection rejection, long now) {
        ProcessedCommand decided = answers.rejected(metadata, rejection, now);
        if (decided != null) {
            remember(caseId, state, metadata, decided);
        }
    }
}
