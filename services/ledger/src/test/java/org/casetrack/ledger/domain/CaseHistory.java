package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.Rejection;
import org.casetrack.ledger.fixtures.Commands;

/** Given events of one case, when a command, then events or a rejection: the shape of every case rule test. */
final class CaseHistory {
    static final String CASE_ID = "case-1";
    static final String KNOWN_COMPOUND = "compound-known";
    static final DecisionContext CONTEXT = new DecisionContext(Commands.NOW, Set.of(KNOWN_COMPOUND)::contains);

    private final List<CaseEvent> events = new ArrayList<>();

    static CaseHistory given(SpecificRecord... payloads) {
        CaseHistory history = new CaseHistory();
        for (SpecificRecord payload : payloads) {
            history.events.add(CaseEvent.newBuilder().setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID())
                    .setCommandId(UUID.randomUUID()).setAggregateId(CASE_ID).setSequence(history.events.size() + 1)
                    .setRecordedAt(Commands.NOW).setOrganisation("o").setPrincipal("p").build()).setPayload(payload).build());
        }
        return history;
    }

    static CaseHistory none() {
        return new CaseHistory();
    }

    CaseState state() {
        CaseState state = null;
        for (CaseEvent event : events) {
            state = CaseEvolver.apply(state, event);
        }
        return state;
    }

    Decision<CaseEvent> when(Object payload) {
        return CaseDecider.decide(state(), Commands.caseCommand(CASE_ID, payload), CONTEXT);
    }

    Decision<CaseEvent> when(Object payload, Instant now) {
        return CaseDecider.decide(state(), Commands.caseCommand(CASE_ID, payload), new DecisionContext(now, CONTEXT.knownCompound()));
    }

    /** The state after the command's events, which the test asserts were accepted. */
    CaseState stateAfter(Object payload) {
        CaseState state = state();
        for (CaseEvent event : accepted(when(payload))) {
            state = CaseEvolver.apply(state, event);
        }
        return state;
    }

    static List<CaseEvent> accepted(Decision<CaseEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<CaseEvent>) decision).events();
    }

    /** The single event's payload. */
    static Object acceptedPayload(Decision<CaseEvent> decision) {
        List<CaseEvent> events = accepted(decision);
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }

    static Rejection rejected(Decision<?> decision, Rule rule) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        Rejection rejection = ((Decision.Rejected<?>) decision).rejection();
        assertThat(rejection.getCode()).isEqualTo(rule.name());
        assertThat(rejection.getHttpStatus()).isEqualTo(rule.httpStatus());
        return rejection;
    }
}
