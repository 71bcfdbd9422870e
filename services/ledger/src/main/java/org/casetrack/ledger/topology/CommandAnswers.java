package org.casetrack.ledger.topology;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.ProcessedCommand;
import org.casetrack.avro.Rejection;
import org.casetrack.ledger.domain.Deduplication;
import org.casetrack.ledger.domain.Outcomes;
import org.casetrack.ledger.domain.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outcomes (key: the command id) and says what to remember of each decision, so the same command
 * id always gets the same answer and never a second event. Where the memory is kept is the processor's
 * own: the compound side keeps it in a store of its own, the case side in the case's state.
 */
final class CommandAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(CommandAnswers.class);

    private final ProcessorContext<String, Object> context;
    private final String sink;

    CommandAnswers(ProcessorContext<String, Object> context, String sink) {
        this.context = context;
        this.sink = sink;
    }

    /**
     * True when the command is new and may be decided. A key that is not the command's aggregate, a
     * command id decided before ({@code remembered}, null if none) and an expired command are answered
     * here instead.
     */
    boolean admits(String key, CommandMetadata metadata, ProcessedCommand remembered, long now) {
        if (!metadata.getAggregateId().equals(key)) {
            refuse(metadata, Keys.mismatch(), now);
            return false;
        }
        if (answeredBefore(metadata, remembered, now)) {
            return false;
        }
        Rejection expired = Deduplication.expired(metadata, Instant.ofEpochMilli(now));
        if (expired != null) {
            refuse(metadata, expired, now);
            return false;
        }
        return true;
    }

    /** True when the command id was decided before: its outcome went out again, or the reuse was refused. */
    boolean answeredBefore(CommandMetadata metadata, ProcessedCommand remembered, long now) {
        Deduplication.Seen seen = Deduplication.check(remembered, metadata);
        if (seen instanceof Deduplication.Replay replay) {
            LOG.debug("Command {} was decided before: same outcome again", metadata.getCommandId());
            send(replay.outcome(), now);
            return true;
        }
        if (seen instanceof Deduplication.Reused reused) {
            refuse(metadata, reused.rejection(), now);
            return true;
        }
        return false;
    }

    /** Sends the acceptance; returns what the caller must remember with the aggregate's new state. */
    ProcessedCommand accepted(CommandMetadata metadata, List<UUID> eventIds, long now) {
        CommandOutcome outcome = Outcomes.accepted(metadata, eventIds, Instant.ofEpochMilli(now));
        LOG.debug("Command {} on {} accepted: {} event(s)", metadata.getCommandId(), metadata.getAggregateId(), eventIds.size());
        send(outcome, now);
        return Deduplication.remember(metadata, outcome);
    }

    /**
     * Sends the rejection; returns what the caller must remember, or null when the rule says a retry must
     * be decided anew.
     */
    ProcessedCommand rejected(CommandMetadata metadata, Rejection rejection, long now) {
        if (!Rule.isRemembered(rejection)) {
            refuse(metadata, rejection, now);
            return null;
        }
        CommandOutcome outcome = Outcomes.rejected(metadata, rejection, Instant.ofEpochMilli(now));
        LOG.debug("Command {} on {} rejected: {}", metadata.getCommandId(), metadata.getAggregateId(), rejection.getCode());
        send(outcome, now);
        return Deduplication.remember(metadata, outcome);
    }

    /** Rejected without remembering: the command id stays free for a retry (or keeps its original outcome). */
    void refuse(CommandMetadata metadata, Rejection rejection, long now) {
        LOG.debug("Command {} on {} refused: {}", metadata.getCommandId(), metadata.getAggregateId(), rejection.getCode());
        send(Outcomes.rejected(metadata, rejection, Instant.ofEpochMilli(now)), now);
    }

    private void send(CommandOutcome outcome, long now) {
        context.forward(new Record<>(outcome.getCommandId().toString(), outcome, now), sink);
    }
}
