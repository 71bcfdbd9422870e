package org.casetrack.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.ReportHeadcount;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger stopped mid-stream (closed leaving its group) and a new instance started on fresh local
 * state (restored from the changelogs): no command is lost, no event is written twice, every outcome arrives.
 */
@ExtendWith(DevStackExtension.class)
class LedgerRestartTest {
    private static final int COMPOUNDS = 10;
    private static final Duration WAIT = Duration.ofMinutes(4);

    private final Instant notAfter = Instant.now().plus(Duration.ofMinutes(30));
    private final List<UUID> sent = new ArrayList<>();

    @Test
    void aNewInstanceTakesOverMidStreamWithoutLosingOrDuplicatingAnything(TestScope scope) {
        try (LiveLedger live = new LiveLedger(scope)) {
            ApplicationContext first = live.start("first", Map.of());
            for (int c = 0; c < COMPOUNDS; c++) {
                send(live, Commands.compoundCommand(UUID.randomUUID(), "compound-" + c, Commands.discover("Compound " + c), notAfter));
            }
            live.flush();
            live.outcomesOf(List.copyOf(sent), WAIT);

            List<UUID> firstBatch = sendBatch(live, 0, 1000);
            live.readUntil(live.topics.commandOutcomes(), WAIT, r -> r.size() > COMPOUNDS);
            first.close();
            Instant closedAt = Instant.now();
            sendBatch(live, 1000, 300);
            try (ApplicationContext second = live.start("second", Map.of())) {
                sendBatch(live, 1300, 300);

                Map<UUID, List<CommandOutcome>> outcomes = live.outcomesOf(List.copyOf(sent), WAIT);

                assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(sent);
                assertThat(outcomes.values()).allSatisfy(list -> assertThat(list).singleElement()
                        .satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED)));
                assertThat(firstBatch).as("the first instance stopped before deciding its whole batch")
                        .anySatisfy(id -> assertThat(outcomes.get(id).get(0).getDecidedAt()).isAfter(closedAt));
                assertEventsOncePerAcceptedCommand(live, outcomes);
            }
        }
    }

    private List<UUID> sendBatch(LiveLedger live, int from, int cases) {
        List<UUID> batch = new ArrayList<>();
        for (int i = from; i < from + cases; i++) {
            String caseId = "case-" + i;
            batch.add(send(live, Commands.caseCommand(UUID.randomUUID(), caseId, Commands.escape("compound-" + (i % COMPOUNDS)), notAfter)));
            batch.add(send(live, Commands.caseCommand(UUID.randomUUID(), caseId, RecordScreening.newBuilder()
                    .setTraffickingStatus(TraffickingStatus.POSSIBLE).setDecidedBy("IOM").build(), notAfter)));
            if (i % 5 == 0) {
                batch.add(send(live, Commands.compoundCommand(UUID.randomUUID(), "compound-" + (i % COMPOUNDS), ReportHeadcount.newBuilder()
                        .setReportedOn(Commands.ESCAPED_ON).setMin(i).setMax(i + 10).build(), notAfter)));
            }
        }
        live.flush();
        return batch;
    }

    private UUID send(LiveLedger live, CaseCommand command) {
        live.send(command);
        sent.add(command.getMetadata().getCommandId());
        return command.getMetadata().getCommandId();
    }

    private UUID send(LiveLedger live, CompoundCommand command) {
        live.send(command);
        sent.add(command.getMetadata().getCommandId());
        return command.getMetadata().getCommandId();
    }

    private static void assertEventsOncePerAcceptedCommand(LiveLedger live, Map<UUID, List<CommandOutcome>> outcomes) {
        Set<UUID> announced = outcomes.values().stream().flatMap(l -> l.get(0).getEventIds().stream()).collect(Collectors.toSet());
        List<ConsumerRecord<String, CaseEvent>> caseEvents = live.readUntil(live.topics.caseEvents(), WAIT,
                r -> r.size() >= 2 * 1600);
        List<ConsumerRecord<String, CompoundEvent>> compoundEvents = live.readUntil(live.topics.compoundEvents(), WAIT,
                r -> r.size() >= announced.size() - 2 * 1600);
        List<UUID> eventIds = new ArrayList<>();
        caseEvents.forEach(r -> eventIds.add(r.value().getMetadata().getEventId()));
        compoundEvents.forEach(r -> eventIds.add(r.value().getMetadata().getEventId()));

        assertThat(eventIds).doesNotHaveDuplicates();
        assertThat(new HashSet<>(eventIds)).isEqualTo(announced);
        Map<String, List<Long>> sequences = caseEvents.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> r.value().getMetadata().getSequence(), Collectors.toList())));
        assertThat(sequences).hasSize(1600).allSatisfy((caseId, s) -> assertThat(s).containsExactly(1L, 2L));
        Map<String, List<Long>> compoundSequences = compoundEvents.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> r.value().getMetadata().getSequence(), Collectors.toList())));
        assertThat(compoundSequences).hasSize(COMPOUNDS).allSatisfy((compoundId, s) -> {
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.get(i)).isEqualTo(i + 1L);
            }
        });
    }
}
