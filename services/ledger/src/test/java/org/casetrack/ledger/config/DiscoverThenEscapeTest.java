package org.casetrack.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A compound discovered and at once named by an escape: the escape reaches the case partition before the
 * registry's global table has the compound, and must wait for it rather than be rejected.
 */
@ExtendWith(DevStackExtension.class)
class DiscoverThenEscapeTest {
    private static final int TIMES = 1000;

    @Test
    void escapeNamingAJustDiscoveredCompoundIsNeverRejectedAsUnknown(TestScope scope) {
        try (LiveLedger live = new LiveLedger(scope); ApplicationContext ledger = live.start("a", Map.of())) {
            Instant notAfter = Instant.now().plus(Duration.ofMinutes(10));
            List<UUID> discoveries = new ArrayList<>();
            List<UUID> escapes = new ArrayList<>();
            for (int i = 0; i < TIMES; i++) {
                String compoundId = "compound-a" + i;
                CompoundCommand discover = Commands.compoundCommand(UUID.randomUUID(), compoundId, Commands.discover("Compound " + i), notAfter);
                CaseCommand escape = Commands.caseCommand(UUID.randomUUID(), "case-a" + i, Commands.escape(compoundId), notAfter);
                live.send(discover);
                live.send(escape);
                discoveries.add(discover.getMetadata().getCommandId());
                escapes.add(escape.getMetadata().getCommandId());
            }
            live.flush();
            List<UUID> all = new ArrayList<>(discoveries);
            all.addAll(escapes);

            Map<UUID, List<CommandOutcome>> outcomes = live.outcomesOf(all, Duration.ofMinutes(3));

            List<CommandOutcome> escapeOutcomes = escapes.stream().map(id -> outcomes.get(id).get(0)).toList();
            assertThat(escapeOutcomes).filteredOn(o -> o.getRejection() != null)
                    .extracting(o -> o.getRejection().getCode()).doesNotContain("UNKNOWN_COMPOUND").isEmpty();
            assertThat(escapeOutcomes).hasSize(TIMES).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
            assertThat(discoveries).allSatisfy(id -> assertThat(outcomes.get(id)).singleElement()
                    .satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED)));
        }
    }

    /** The control: without any wait the same race does reject escapes, so the test above exercises it. */
    @Test
    void withoutAnyWaitTheRegistryLagRejectsEscapesNamingJustDiscoveredCompounds(TestScope scope) {
        Map<String, Object> noGrace = Map.of("ledger.compound-grace", "PT0S", "ledger.compound-max-wait", "PT0S",
                "ledger.application-id", scope.applicationId("ledger-no-grace"));
        try (LiveLedger live = new LiveLedger(scope); ApplicationContext ledger = live.start("b", noGrace)) {
            Instant notAfter = Instant.now().plus(Duration.ofMinutes(10));
            List<UUID> escapes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String compoundId = "compound-b" + i;
                live.send(Commands.compoundCommand(UUID.randomUUID(), compoundId, Commands.discover("Compound " + i), notAfter));
                CaseCommand escape = Commands.caseCommand(UUID.randomUUID(), "case-b" + i, Commands.escape(compoundId), notAfter);
                live.send(escape);
                escapes.add(escape.getMetadata().getCommandId());
            }
            live.flush();

            Map<UUID, List<CommandOutcome>> outcomes = live.outcomesOf(escapes, Duration.ofMinutes(2));

            assertThat(escapes).anySatisfy(id -> assertThat(outcomes.get(id).get(0).getRejection())
                    .isNotNull().satisfies(r -> assertThat(r.getCode()).isEqualTo("UNKNOWN_COMPOUND")));
        }
    }
}
