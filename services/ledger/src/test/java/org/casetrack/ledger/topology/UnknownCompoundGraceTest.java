package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.IdentifyCaseCompound;
import org.casetrack.avro.MakeReferral;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A case command naming a compound the registry does not hold yet waits (the global table lags), then is decided. */
class UnknownCompoundGraceTest {
    @RegisterExtension
    final LedgerDriver ledger = new LedgerDriver();

    private static CaseCommand screening(String caseId) {
        return Commands.caseCommand(caseId, RecordScreening.newBuilder().setTraffickingStatus(TraffickingStatus.POSSIBLE)
                .setDecidedBy("IOM").build());
    }

    private static CaseCommand referral(String caseId) {
        return Commands.caseCommand(caseId, MakeReferral.newBuilder().setService(ServiceType.SHELTER).setTo("shelter")
                .setReferredOn(Commands.ESCAPED_ON.plusDays(1)).build());
    }

    @Test
    void escapeWaitsUntilItsCompoundReachesTheRegistryThenIsAccepted() {
        CaseCommand escape = Commands.caseCommand("case-1", Commands.escape("compound-late"));

        ledger.send(escape);
        ledger.advance(Duration.ofMillis(1500));

        assertThat(ledger.outcomeList()).isEmpty();
        assertThat(ledger.pending().get("case-1").getCommands()).hasSize(1);

        ledger.registry.pipeInput("compound-late", ledger.registered("compound-late"));
        ledger.advance(Duration.ofMillis(100));

        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> {
            assertThat(o.getCommandId()).isEqualTo(escape.getMetadata().getCommandId());
            assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        });
        assertThat(ledger.caseEvents.readValuesToList()).hasSize(1);
        assertThat(ledger.pending().get("case-1")).isNull();
    }

    @Test
    void escapeNamingACompoundThatNeverAppearsIsRejectedAfterTheGrace() {
        CaseCommand escape = Commands.caseCommand("case-1", Commands.escape("compound-never"));

        ledger.send(escape);
        ledger.advance(Duration.ofMillis(1900));
        assertThat(ledger.outcomeList()).as("still within the grace").isEmpty();
        ledger.advance(Duration.ofMillis(200));

        CommandOutcome outcome = ledger.outcomeList().get(0);
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.getRejection().getCode()).isEqualTo("UNKNOWN_COMPOUND");
        assertThat(outcome.getRejection().getHttpStatus()).isEqualTo(422);
        assertThat(outcome.getRejection().getField()).isEqualTo("compoundId");
        assertThat(ledger.caseEvents.readValuesToList()).isEmpty();
        assertThat(ledger.pending().get("case-1")).isNull();
        assertThat(ledger.caseStates().get("case-1")).isNull();
    }

    @Test
    void laterCommandsOfTheCaseQueueBehindTheWaitingOneAndAreDecidedInArrivalOrder() {
        CaseCommand escape = Commands.caseCommand("case-1", Commands.escape("compound-late"));
        CaseCommand screening = screening("case-1");
        CaseCommand referral = referral("case-1");

        ledger.send(escape);
        ledger.send(screening);
        ledger.send(referral);
        ledger.advance(Duration.ofMillis(300));
        assertThat(ledger.outcomeList()).as("the screening would be UNKNOWN_CASE if it did not queue").isEmpty();
        assertThat(ledger.pending().get("case-1").getCommands()).hasSize(3);

        ledger.registry.pipeInput("compound-late", ledger.registered("compound-late"));
        ledger.advance(Duration.ofMillis(100));

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes).extracting(CommandOutcome::getCommandId).containsExactly(escape.getMetadata().getCommandId(),
                screening.getMetadata().getCommandId(), referral.getMetadata().getCommandId());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
        assertThat(ledger.caseEvents.readValuesToList()).extracting(e -> e.getMetadata().getSequence()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void commandsQueuedBehindAnEscapeRejectedAfterTheGraceAreDecidedAfterIt() {
        ledger.send(Commands.caseCommand("case-1", Commands.escape("compound-never")));
        ledger.send(screening("case-1"));

        ledger.advance(Duration.ofMillis(2100));

        assertThat(ledger.outcomeList()).extracting(o -> o.getRejection().getCode()).containsExactly("UNKNOWN_COMPOUND", "UNKNOWN_CASE");
        assertThat(ledger.pending().get("case-1")).isNull();
    }

    @Test
    void otherCasesAreNotHeldUpByAWaitingCase() {
        ledger.send(Commands.caseCommand("case-1", Commands.escape("compound-late")));
        CaseCommand other = Commands.caseCommand("case-2", Commands.escape(null));

        ledger.send(other);

        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> assertThat(o.getCommandId())
                .isEqualTo(other.getMetadata().getCommandId()));
    }

    @Test
    void aRetryOfAWaitingCommandGetsTheSameOutcomeAndNoSecondEvent() {
        CaseCommand escape = Commands.caseCommand("case-1", Commands.escape("compound-late"));

        ledger.send(escape);
        ledger.advance(Duration.ofMillis(500));
        ledger.send(escape);
        ledger.registry.pipeInput("compound-late", ledger.registered("compound-late"));
        ledger.advance(Duration.ofMillis(100));

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
        List<CaseEvent> events = ledger.caseEvents.readValuesToList();
        assertThat(events).hasSize(1);
    }

    @Test
    void aCompoundNamedLaterWaitsLikeOneNamedAtTheEscape() {
        ledger.send(Commands.caseCommand("case-1", Commands.escape(null)));
        ledger.outcomeList();
        CaseCommand identify = Commands.caseCommand("case-1",
                IdentifyCaseCompound.newBuilder().setCompoundId("compound-late").build());

        ledger.send(identify);
        ledger.advance(Duration.ofMillis(200));
        assertThat(ledger.outcomeList()).isEmpty();
        ledger.registry.pipeInput("compound-late", ledger.registered("compound-late"));
        ledger.advance(Duration.ofMillis(100));

        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
        assertThat(ledger.caseStates().get("case-1").getCompoundId()).isEqualTo("compound-late");
    }
}
