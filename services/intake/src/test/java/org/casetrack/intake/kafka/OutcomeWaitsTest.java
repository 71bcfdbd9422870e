package org.casetrack.intake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.OutcomeStatus;
import org.junit.jupiter.api.Test;

/** Waits for outcomes: which waits an outcome answers, and a wait registered while one is delivered. */
class OutcomeWaitsTest {
    private static CommandOutcome outcome(UUID commandId, String bodyHash) {
        return CommandOutcome.newBuilder().setCommandId(commandId).setAggregateId("case").setStatus(OutcomeStatus.ACCEPTED)
                .setEventIds(List.of()).setDecidedAt(Instant.parse("2026-01-20T00:00:00Z")).setBodyHash(bodyHash).build();
    }

    @Test
    void outcomeAnswersTheWaitOfItsBodyHashOrEveryWaitWithoutOne() {
        OutcomeWaits waits = new OutcomeWaits();
        UUID id = UUID.randomUUID();
        CompletableFuture<CommandOutcome> a = waits.expect(id, "a");
        CompletableFuture<CommandOutcome> b = waits.expect(id, "b");
        assertThat(waits.expect(id, "a")).as("one wait per body").isSameAs(a);

        waits.deliver(outcome(id, "b"));
        assertThat(b).isCompleted();
        assertThat(a).isNotDone();
        assertThat(waits.isWaitingFor(id)).isTrue();

        waits.deliver(outcome(id, null));
        assertThat(a).isCompleted();
        assertThat(waits.isWaitingFor(id)).isFalse();

        CompletableFuture<CommandOutcome> c = waits.expect(id, "c");
        waits.forget(id, "c");
        assertThat(waits.isWaitingFor(id)).isFalse();
        assertThat(c).isNotDone();
    }

    /**
     * Two requests with one key: the first one's outcome is delivered while the second registers its
     * wait, and the second's own outcome (the ledger answers every send) follows. The second wait must
     * be answered, by one or the other: it was once lost when delivery dropped the id's waits as empty
     * just as the second wait joined them, and the request answered 202 after its whole wait.
     */
    @Test
    void waitRegisteredWhileAnOutcomeIsDeliveredIsAnswered() throws Exception {
        OutcomeWaits waits = new OutcomeWaits();
        int rounds = 100_000;
        UUID[] ids = new UUID[rounds];
        for (int i = 0; i < rounds; i++) {
            ids[i] = UUID.randomUUID();
            waits.expect(ids[i], "h");
        }
        CyclicBarrier together = new CyclicBarrier(2);
        Thread deliverer = new Thread(() -> {
            try {
                for (UUID id : ids) {
                    together.await(10, TimeUnit.SECONDS);
                    waits.deliver(outcome(id, "h"));
                    together.await(10, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        deliverer.start();
        int lost = 0;
        for (UUID id : ids) {
            // bounded waits: a failing deliverer breaks the barrier rather than hanging the build
            together.await(10, TimeUnit.SECONDS);
            CompletableFuture<CommandOutcome> second = waits.expect(id, "h");
            together.await(10, TimeUnit.SECONDS);
            waits.deliver(outcome(id, "h"));
            if (!second.isDone()) {
                lost++;
            }
        }
        deliverer.join();
        assertThat(lost).as("second waits left unanswered in %d rounds", rounds).isZero();
    }
}
