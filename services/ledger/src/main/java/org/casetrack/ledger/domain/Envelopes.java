package org.casetrack.ledger.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.EventMetadata;

/**
 * Wraps facts into event envelopes: deterministic ids, the aggregate's next sequence numbers, the
 * wall clock as recordedAt, and the organisation and principal of the command (which intake took from
 * the token, never from a body).
 */
final class Envelopes {
    private Envelopes() {
    }

    static List<CaseEvent> caseEvents(CommandMetadata command, long version, Instant now, List<Fact> facts) {
        List<CaseEvent> events = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            events.add(CaseEvent.newBuilder().setMetadata(metadata(command, version + i + 1, i, now, facts.get(i)))
                    .setPayload(facts.get(i).payload()).build());
        }
        return events;
    }

    static List<CompoundEvent> compoundEvents(CommandMetadata command, long version, Instant now, List<Fact> facts) {
        List<CompoundEvent> events = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            events.add(CompoundEvent.newBuilder().setMetadata(metadata(command, version + i + 1, i, now, facts.get(i)))
                    .setPayload(facts.get(i).payload()).build());
        }
        return events;
    }

    private static EventMetadata metadata(CommandMetadata command, long sequence, int index, Instant now, Fact fact) {
        return EventMetadata.newBuilder()
                .setEventId(EventIds.of(command.getCommandId(), index))
                .setCommandId(command.getCommandId())
                .setAggregateId(command.getAggregateId())
                .setSequence(sequence)
                .setOccurredOn(fact.occurredOn())
                .setRecordedAt(now)
                .setOrganisation(command.getOrganisation())
                .setPrincipal(command.getPrincipal())
                .build();
    }
}
