package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.ProcessedCommand;
import org.casetrack.ledger.fixtures.Commands;
import org.casetrack.ledger.fixtures.Events;
import org.junit.jupiter.api.Test;

class DeduplicationTest {
    private static final UUID COMMAND_ID = UUID.randomUUID();

    private static CaseCommand command(Object payload) {
        return Commands.caseCommand(COMMAND_ID, "case-1", payload, Commands.NOW.plus(Duration.ofMinutes(5)));
    }

    private static ProcessedCommand processed(CaseCommand command) {
        CommandOutcome outcome = Outcomes.accepted(command.getMetadata(), List.of(EventIds.of(COMMAND_ID, 0)), Commands.NOW);
        return Deduplication.remember(command.getMetadata(), outcome);
    }

    @Test
    void anUnseenCommandIdIsDecided() {
        assertThat(Deduplication.check(null, command(Commands.escape(null)).getMetadata())).isInstanceOf(Deduplication.Unseen.class);
    }

    @Test
    void theSameIdAndBodyGetTheRememberedOutcomeUnchanged() {
        CaseCommand original = command(Commands.escape(null));
        ProcessedCommand processed = processed(original);

        Deduplication.Seen seen = Deduplication.check(processed, command(Commands.escape(null)).getMetadata());

        assertThat(seen).isEqualTo(new Deduplication.Replay(processed.getOutcome()));
    }

    @Test
    void theSameIdWithAnotherBodyIsAReusedKey() {
        ProcessedCommand processed = processed(command(Commands.escape(null)));
        CaseCommand other = command(Commands.escape("compound-known"));

        Deduplication.Seen seen = Deduplication.check(processed, other.getMetadata());

        assertThat(seen).isInstanceOf(Deduplication.Reused.class);
        var rejection = ((Deduplication.Reused) seen).rejection();
        assertThat(rejection.getCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(rejection.getHttpStatus()).isEqualTo(422);
        assertThat(Rule.isRemembered(rejection)).isFalse();
    }

    @Test
    void aCommandPastItsNotAfterIsExpiredAndNotRemembered() {
        CaseCommand command = command(Commands.escape(null));

        var expired = Deduplication.expired(command.getMetadata(), Commands.NOW.plus(Duration.ofMinutes(6)));

        assertThat(Deduplication.expired(command.getMetadata(), Commands.NOW)).isNull();
        assertThat(expired.getCode()).isEqualTo("EXPIRED");
        assertThat(expired.getHttpStatus()).isEqualTo(503);
        assertThat(Rule.isRemembered(expired)).isFalse();
        assertThat(Rule.isRemembered(Rule.CASE_EXISTS.reject(null, "x"))).isTrue();
    }

    @Test
    void aCaseKeepsItsDecidedCommandsBesideItsFactsAndFindsThemById() {
        CaseState opened = CaseHistory.given(Events.escaped(null)).state();
        CaseState facts = CaseState.newBuilder(opened).build();
        ProcessedCommand decided = processed(command(Commands.escape(null)));

        CaseState kept = Deduplication.withDecided(opened, decided);

        assertThat(kept.getDecided()).containsExactly(decided);
        assertThat(CaseState.newBuilder(kept).setDecided(List.of()).build()).isEqualTo(facts);
        assertThat(Deduplication.decidedOn(kept, COMMAND_ID)).isEqualTo(decided);
        assertThat(Deduplication.decidedOn(kept, UUID.randomUUID())).isNull();
        assertThat(Deduplication.decidedOn(null, COMMAND_ID)).isNull();
    }
}
