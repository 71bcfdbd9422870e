package org.casetrack.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.ledger.fixtures.Commands;
import org.casetrack.platform.streams.DeadLetterHandler;
import org.casetrack.schemas.topics.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A command record that cannot be decoded goes to its topic's DLQ with the error in headers; the next command is decided. */
@ExtendWith(DevStackExtension.class)
class PoisonCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void poisonOnEitherCommandTopicGoesToItsDeadLettersAndTheNextCommandIsDecided(TestScope scope) {
        try (LiveLedger live = new LiveLedger(scope); ApplicationContext ledger = live.start("a", Map.of())) {
            Instant notAfter = Instant.now().plus(Duration.ofMinutes(5));
            CompoundCommand discover = Commands.compoundCommand(UUID.randomUUID(), "compound-p", Commands.discover("Poison Park"), notAfter);
            CaseCommand escape = Commands.caseCommand(UUID.randomUUID(), "case-p", Commands.escape("compound-p"), notAfter);

            live.sendRaw(live.topics.compoundCommands().name(), "compound-p", "not avro".getBytes(StandardCharsets.UTF_8));
            live.send(discover);
            live.sendRaw(live.topics.caseCommands().name(), "case-p", new byte[] {0, 0, 0, 0, 1, 42});
            live.send(escape);
            live.flush();

            Map<UUID, List<CommandOutcome>> outcomes = live.outcomesOf(
                    List.of(discover.getMetadata().getCommandId(), escape.getMetadata().getCommandId()), WAIT);

            assertThat(outcomes.get(discover.getMetadata().getCommandId())).singleElement()
                    .satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
            assertThat(outcomes.get(escape.getMetadata().getCommandId())).singleElement()
                    .satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
            assertDeadLetter(live, live.topics.compoundCommands(), "compound-p", "not avro".getBytes(StandardCharsets.UTF_8));
            assertDeadLetter(live, live.topics.caseCommands(), "case-p", new byte[] {0, 0, 0, 0, 1, 42});
        }
    }

    private static void assertDeadLetter(LiveLedger live, Topic<?> source, String key, byte[] original) {
        List<ConsumerRecord<String, byte[]>> dead = live.readRawUntil(live.topics.deadLetters(source).name(), WAIT, r -> !r.isEmpty());
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo(key);
            assertThat(letter.value()).isEqualTo(original);
            assertThat(header(letter, "source.topic")).isEqualTo(source.name());
            assertThat(header(letter, "exception")).isNotBlank();
            assertThat(header(letter, "application")).isEqualTo(live.scope.applicationId("ledger"));
        });
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(DeadLetterHandler.HEADER_PREFIX + name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
