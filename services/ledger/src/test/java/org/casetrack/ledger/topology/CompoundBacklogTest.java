package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backlog on the compound side (a burst of discoveries, a restart) never turns a compound that
 * was discovered first into UNKNOWN_COMPOUND: the grace only runs while the compound side is up to
 * date, and a command waits at most the maximum wait.
 */
class CompoundBacklogTest {
    private final AtomicLong upToDateSince = new AtomicLong(Long.MAX_VALUE);
    @RegisterExtension
    final LedgerDriver ledger = new LedgerDriver(now -> upToDateSince.get());

    @Test
    void whileTheCompoundSideIsBehindAnEscapeWaitsPastTheGraceAndIsAcceptedWhenItsCompoundArrives() {
        CaseCommand escape = Commands.caseCommand("case-1", Commands.escape("compound-in-backlog"));

        ledger.send(escape);
        ledger.advance(Duration.ofSeconds(10));
        assertThat(ledger.outcomeList()).as("behind: no verdict on an unknown compound").isEmpty();

        ledger.registry.pipeInput("compound-in-backlog", ledger.registered("compound-in-backlog"));
        ledger.advance(Duration.ofMillis(100));

        assertThat(ledger.outcomeList()).singleElement().satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
    }

    @Test
    void theGraceStartsWhenTheCompoundSideCatchesUp() {
        ledger.send(Commands.caseCommand("case-1", Commands.escape("compound-never")));
        ledger.advance(Duration.ofSeconds(5));
        upToDateSince.set(ledger.now());

        ledger.advance(Duration.ofMillis(1900));
        assertThat(ledger.outcomeList()).as("up to date for less than the grace").isEmpty();
        ledger.advance(Duration.ofMillis(200));

        assertThat(ledger.outcomeList()).singleElement()
                .satisfies(o -> assertThat(o.getRejection().getCode()).isEqualTo("UNKNOWN_COMPOUND"));
    }

    @Test
    void noCommandWaitsLongerThanTheMaximumWait() {
        ledger.send(Commands.caseCommand("case-1", Commands.escape("compound-never")));

        ledger.advance(LedgerDriver.MAX_WAIT.minusMillis(100));
        assertThat(ledger.outcomeList()).isEmpty();
        ledger.advance(Duration.ofMillis(200));

        assertThat(ledger.outcomeList()).singleElement()
                .satisfies(o -> assertThat(o.getRejection().getCode()).isEqualTo("UNKNOWN_COMPOUND"));
    }
}
