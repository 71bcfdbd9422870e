package org.casetrack.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.avro.Rejection;

/** The answers on command-outcomes: accepted with the event ids, or rejected with the rule broken. */
public final class Outcomes {
    private Outcomes() {
    }

    public static CommandOutcome accepted(CommandMetadata metadata, List<UUID> eventIds, Instant decidedAt) {
        return base(metadata, decidedAt).setStatus(OutcomeStatus.ACCEPTED).setEventIds(List.copyOf(eventIds)).build();
    }

    public static CommandOutcome rejected(CommandMetadata metadata, Rejection rejection, Instant decidedAt) {
        return base(metadata, decidedAt).setStatus(OutcomeStatus.REJECTED).setRejection(rejection).build();
    }

    private static CommandOutcome.Builder base(CommandMetadata metadata, Instant decidedAt) {
        return CommandOutcome.newBuilder().setCommandId(metadata.getCommandId()).setAggregateId(metadata.getAggregateId())
                .setDecidedAt(decidedAt).setReportId(metadata.getReportId()).setBodyHash(metadata.getBodyHash()).setEventIds(List.of());
    }
}
