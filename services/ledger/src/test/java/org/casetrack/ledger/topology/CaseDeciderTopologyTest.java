package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CaseDeciderTopologyTest {
    @RegisterExtension
    final LedgerDriver ledger = new LedgerDriver();

    private static CaseCommand escape(UUID commandId, String caseId) {
        return Commands.caseCommand(commandId, caseId, Commands.escape(null), Commands.NOW.plus(Duration.ofMinutes(1)));
    }

    private static RecordScreening screening() {
        return RecordScreening.newBuilder().setTraffickingStatus(TraffickingStatus.ACTUAL).setDecidedBy("IOM").build();
    }

    @Test
    void acceptedEscapeWritesItsEventItsStateAndAnOutcomeKeyedByCommandId() {
        CaseCommand command = escape(UUID.randomUUID(), "case-1");

        ledger.send(command);

        List<KeyValue<String, CaseEvent>> events = ledger.caseEvents.readKeyValuesToList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.key).isEqualTo("case-1");
            assertThat(e.value.getPayload()).isInstanceOf(EscapeReported.class);
            assertThat(e.value.getMetadata().getSequence()).isEqualTo(1);
        });
        List<KeyValue<String, CommandOutcome>> outcomes = ledger.outcomes.readKeyValuesToList();
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.key).isEqualTo(command.getMetadata().getCommandId().toString());
            assertThat(o.value.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
            assertThat(o.value.getEventIds()).containsExactly(events.get(0).value.getMetadata().getEventId());
            assertThat(o.value.getReportId()).isEqualTo(command.getMetadata().getReportId());
            assertThat(o.value.getAggregateId()).isEqualTo("case-1");
        });
        assertThat(ledger.caseStates().get("case-1").getVersion()).isEqualTo(1);
    }

    @Test
    void eachEventOfACaseTakesTheNextSequence() {
        ledger.send(escape(UUID.randomUUID(), "case-1"));
        ledger.send(Commands.caseCommand("case-1", screening()));

        List<CaseEvent> events = ledger.caseEvents.readValuesToList();

        assertThat(events).extracting(e -> e.getMetadata().getSequence()).containsExactly(1L, 2L);
        assertThat(events.get(1).getPayload()).isInstanceOf(ScreeningRecorded.class);
        assertThat(ledger.caseStates().get("case-1").getTraffickingStatus()).isEqualTo(TraffickingStatus.ACTUAL);
    }

    @Test
    void sameCommandTwiceGetsTheSameOutcomeAndNeverASecondEvent() {
        CaseCommand command = escape(UUID.randomUUID(), "case-1");

        ledger.send(command);
        ledger.advance(Duration.ofSeconds(1));
        ledger.send(command);

        assertThat(ledger.caseEvents.readValuesToList()).hasSize(1);
        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
    }

    @Test
    void aRejectionIsRememberedAndRepeatedForTheSameCommand() {
        CaseCommand screeningOfNoCase = Commands.caseCommand(UUID.randomUUID(), "case-9", screening(), Commands.NOW.plusSeconds(60));

        ledger.send(screeningOfNoCase);
        ledger.send(escape(UUID.randomUUID(), "case-9"));
        ledger.send(screeningOfNoCase);

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes.get(0).getRejection().getCode()).isEqualTo("UNKNOWN_CASE");
        assertThat(outcomes.get(0).getRejection().getHttpStatus()).isEqualTo(404);
        assertThat(outcomes.get(2)).isEqualTo(outcomes.get(0));
        assertThat(ledger.caseEvents.readValuesToList()).hasSize(1);
    }

    @Test
    void sameIdWithAnotherBodyIsRefusedAndTheOriginalOutcomeStays() {
        UUID id = UUID.randomUUID();
        CaseCommand original = escape(id, "case-1");
        CaseCommand other = Commands.caseCommand(id, "case-1", Commands.escape("compound-x"), Commands.NOW.plusSeconds(60));

        ledger.send(original);
        ledger.send(other);
        ledger.send(original);

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes.get(1).getRejection().getCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(outcomes.get(1).getRejection().getHttpStatus()).isEqualTo(422);
        assertThat(outcomes.get(2)).isEqualTo(outcomes.get(0));
        assertThat(ledger.caseEvents.readValuesToList()).hasSize(1);
    }

    @Test
    void expiredCommandIsRefusedWithoutBeingRememberedSoARetryIsDecided() {
        UUID id = UUID.randomUUID();
        CaseCommand stale = Commands.caseCommand(id, "case-1", Commands.escape(null), Commands.NOW.minusSeconds(1));

        ledger.send(stale);

        CommandOutcome expired = ledger.outcomeList().get(0);
        assertThat(expired.getRejection().getCode()).isEqualTo("EXPIRED");
        assertThat(expired.getRejection().getHttpStatus()).isEqualTo(503);
        assertThat(ledger.caseProcessed().get(id.toString())).isNull();
        assertThat(ledger.caseEvents.readValuesToList()).isEmpty();

        ledger.send(escape(id, "case-1"));

        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
    }

    @Test
    void commandKeyedByAnotherAggregateIsRefusedAndChangesNothing() {
        CaseCommand command = escape(UUID.randomUUID(), "case-1");

        ledger.caseCommands.pipeInput("case-2", command);

        assertThat(ledger.outcomeList()).singleElement()
                .satisfies(o -> assertThat(o.getRejection().getCode()).isEqualTo("INVALID_COMMAND"));
        assertThat(ledger.caseStates().get("case-1")).isNull();
        assertThat(ledger.caseStates().get("case-2")).isNull();
        assertThat(ledger.caseProcessed().get(command.getMetadata().getCommandId().toString())).isNull();
    }
}
