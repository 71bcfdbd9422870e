package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.casetrack.avro.ChangeCompoundStatus;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.avro.ReportHeadcount;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompoundDeciderTopologyTest {
    @RegisterExtension
    final LedgerDriver ledger = new LedgerDriver();

    @Test
    void discoveryWritesTheEventTheRegistryStateAndTheOutcome() {
        CompoundCommand discover = Commands.compoundCommand("compound-1", Commands.discover("Great Wall Park"));

        ledger.send(discover);

        assertThat(ledger.compoundEvents.readKeyValuesToList()).singleElement().satisfies(e -> {
            assertThat(e.key).isEqualTo("compound-1");
            assertThat(e.value.getPayload()).isInstanceOf(CompoundDiscovered.class);
        });
        assertThat(ledger.registryOut.readKeyValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.key).isEqualTo("compound-1");
            assertThat(r.value.getName()).isEqualTo("Great Wall Park");
            assertThat(r.value.getVersion()).isEqualTo(1);
        });
        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> {
            assertThat(o.getCommandId()).isEqualTo(discover.getMetadata().getCommandId());
            assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        });
        assertThat(ledger.compoundStates().get("compound-1").getVersion()).isEqualTo(1);
    }

    @Test
    void registryGetsTheFullStateAfterEveryEvent() {
        ledger.send(Commands.compoundCommand("compound-1", Commands.discover("Great Wall Park")));
        ledger.send(Commands.compoundCommand("compound-1", ReportHeadcount.newBuilder().setReportedOn(Commands.TODAY)
                .setMin(150).setMax(250).build()));
        ledger.send(Commands.compoundCommand("compound-1", ChangeCompoundStatus.newBuilder().setStatus(CompoundStatus.RAIDED)
                .setEffectiveOn(Commands.TODAY).build()));

        List<KeyValue<String, CompoundState>> registry = ledger.registryOut.readKeyValuesToList();

        assertThat(registry).extracting(r -> r.value.getVersion()).containsExactly(1L, 2L, 3L);
        CompoundState last = registry.get(2).value;
        assertThat(last.getLatestHeadcount().getMax()).isEqualTo(250);
        assertThat(last.getStatus()).isEqualTo(CompoundStatus.RAIDED);
        assertThat(last.getName()).isEqualTo("Great Wall Park");
    }

    @Test
    void anEscapeRightAfterTheDiscoveryIsAcceptedOnceTheRegistryHasIt() {
        ledger.send(Commands.compoundCommand("compound-1", Commands.discover("Great Wall Park")));
        ledger.send(Commands.caseCommand("case-1", Commands.escape("compound-1")));

        List<CommandOutcome> outcomes = ledger.outcomeList();

        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
        assertThat(ledger.caseStates().get("case-1").getCompoundId()).isEqualTo("compound-1");
    }

    @Test
    void compoundCommandsOnAnUnknownCompoundAreNotFound() {
        ledger.send(Commands.compoundCommand("compound-9", ChangeCompoundStatus.newBuilder().setStatus(CompoundStatus.RAIDED)
                .setEffectiveOn(Commands.TODAY).build()));

        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> {
            assertThat(o.getRejection().getCode()).isEqualTo("UNKNOWN_COMPOUND");
            assertThat(o.getRejection().getHttpStatus()).isEqualTo(404);
        });
        assertThat(ledger.registryOut.readValuesToList()).isEmpty();
    }

    @Test
    void sameDiscoveryTwiceGetsTheSameOutcomeAndOneEvent() {
        CompoundCommand discover = Commands.compoundCommand(UUID.randomUUID(), "compound-1", Commands.discover("x"),
                Commands.NOW.plus(Duration.ofMinutes(1)));

        ledger.send(discover);
        ledger.send(discover);
        ledger.send(Commands.compoundCommand("compound-1", Commands.discover("x")));

        List<CommandOutcome> outcomes = ledger.outcomeList();
        assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
        assertThat(outcomes.get(2).getRejection().getCode()).isEqualTo("COMPOUND_EXISTS");
        assertThat(ledger.compoundEvents.readValuesToList()).hasSize(1);
    }
}
