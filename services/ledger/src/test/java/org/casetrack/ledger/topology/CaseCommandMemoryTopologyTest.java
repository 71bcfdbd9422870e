package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.avro.ProcessedCommand;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.ledger.domain.Deduplication;
import org.casetrack.ledger.domain.Outcomes;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the case side remembers its decided commands: in the case's own state, so each decision is one
 * write of the case (one changelog record); in the processed-commands store only while the case has no
 * state; and decisions an earlier version kept in that store still count.
 */
class CaseCommandMemoryTopologyTest {
    private static final String STATE_CHANGELOG = "ledger-ttd-" + StoreNames.CASE_STATE + "-changelog";
    private static final String PROCESSED_CHANGELOG = "ledger-ttd-" + StoreNames.CASE_PROCESSED + "-changelog";

    @RegisterExtension
    final LedgerDriver ledger = new LedgerDriver();

    private static Instant later() {
        return Commands.NOW.plus(Duration.ofMinutes(1));
    }

    private static CaseCommand escape(UUID commandId, String caseId) {
        return Commands.caseCommand(commandId, caseId, Commands.escape(null), later());
    }

    private static CaseCommand screening(UUID commandId, String caseId) {
        RecordScreening screening = RecordScreening.newBuilder().setTraffickingStatus(TraffickingStatus.ACTUAL).setDecidedBy("IOM").build();
        return Commands.caseCommand(commandId, caseId, screening, later());
    }

    private List<String> changelogKeys(String topic) {
        TestOutputTopic<String, byte[]> changelog = ledger.driver.createOutputTopic(topic, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        return changelog.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    private static List<UUID> commandIds(List<ProcessedCommand> decided) {
        return decided.stream().map(d -> d.getOutcome().getCommandId()).toList();
    }

    @Test
    void acceptedCommandsAreKeptInTheCaseStateWithOneChangelogRecordEach() {
        UUID escape = UUID.randomUUID();
        UUID screening = UUID.randomUUID();

        ledger.send(escape(escape, "case-1"));
        ledger.send(screening(screening, "case-1"));

        assertThat(commandIds(ledger.caseStates().get("case-1").getDecided())).containsExactly(escape, screening);
        assertThat(ledger.caseProcessed().get(escape.toString())).isNull();
        assertThat(ledger.caseProcessed().get(screening.toString())).isNull();
        assertThat(changelogKeys(STATE_CHANGELOG)).containsExactly("case-1", "case-1");
        assertThat(changelogKeys(PROCESSED_CHANGELOG)).isEmpty();
    }

    @Test
    void aCommandKeptInTheCaseStateIsAnsweredAgainAfterLaterCommandsWithoutAnEvent() {
        CaseCommand first = escape(UUID.randomUUID(), "case-1");
        ledger.send(first);
        ledger.send(screening(UUID.randomUUID(), "case-1"));
        ledger.advance(Duration.ofSeconds(1));

        ledger.send(first);

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(2)).isEqualTo(outcomes.get(0));
        assertThat(ledger.caseEvents.readValuesToList()).hasSize(2);
        assertThat(ledger.caseStates().get("case-1").getDecided()).hasSize(2);
    }

    @Test
    void aRejectionOnACaseIsKeptInItsStateAndItsFactsStayAsTheyWere() {
        ledger.send(escape(UUID.randomUUID(), "case-1"));
        CaseCommand secondEscape = escape(UUID.randomUUID(), "case-1");

        ledger.send(secondEscape);
        ledger.send(secondEscape);

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes.get(1).getRejection().getCode()).isEqualTo("CASE_EXISTS");
        assertThat(outcomes.get(2)).isEqualTo(outcomes.get(1));
        assertThat(ledger.caseEvents.readValuesToList()).hasSize(1);
        assertThat(ledger.caseStates().get("case-1").getVersion()).isEqualTo(1);
        assertThat(commandIds(ledger.caseStates().get("case-1").getDecided())).endsWith(secondEscape.getMetadata().getCommandId());
        assertThat(changelogKeys(PROCESSED_CHANGELOG)).isEmpty();
    }

    @Test
    void aRejectionWhileTheCaseHasNoStateGoesToTheProcessedStoreAndStillCountsOnceTheCaseExists() {
        CaseCommand screeningOfNoCase = screening(UUID.randomUUID(), "case-9");
        String id = screeningOfNoCase.getMetadata().getCommandId().toString();

        ledger.send(screeningOfNoCase);

        assertThat(ledger.caseStates().get("case-9")).isNull();
        assertThat(ledger.caseProcessed().get(id).getOutcome().getRejection().getCode()).isEqualTo("UNKNOWN_CASE");
        assertThat(changelogKeys(PROCESSED_CHANGELOG)).containsExactly(id);

        ledger.send(escape(UUID.randomUUID(), "case-9"));
        ledger.send(screeningOfNoCase);

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes.get(2)).isEqualTo(outcomes.get(0));
        assertThat(ledger.caseEvents.readValuesToList()).hasSize(1);
    }

    @Test
    void aDecisionAnEarlierVersionKeptInTheProcessedStoreIsAnsweredAgainNotDecidedAnew() {
        ledger.send(escape(UUID.randomUUID(), "case-1"));
        CaseCommand screening = screening(UUID.randomUUID(), "case-1");
        CommandOutcome earlier = Outcomes.accepted(screening.getMetadata(), List.of(UUID.randomUUID()), Commands.NOW.minusSeconds(30));
        ledger.caseProcessed().put(screening.getMetadata().getCommandId().toString(), Deduplication.remember(screening.getMetadata(), earlier));
        ledger.outcomeList();

        ledger.send(screening);

        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> {
            assertThat(o).isEqualTo(earlier);
            assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        });
        assertThat(ledger.caseEvents.readValuesToList()).hasSize(1);
        assertThat(ledger.caseStates().get("case-1").getTraffickingStatus()).isEqualTo(TraffickingStatus.UNKNOWN);
    }
}
