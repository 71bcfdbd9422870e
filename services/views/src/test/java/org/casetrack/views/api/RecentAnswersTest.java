package org.casetrack.views.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Sharing an answer within its max age, computing it again off the callers once it is older (or by a
 * caller once it is too old to serve), once for all of them, never keeping a failure.
 */
class RecentAnswersTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();
    /** Background computations, run when the test says so. */
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final RecentAnswers<Integer> answers = new RecentAnswers<>(Duration.ofMillis(50), clock::get, background::add);

    private Integer next() {
        return computed.incrementAndGet();
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void anAnswerIsSharedWhileItIsYoungEnoughThenServedOnceMoreWhileItIsComputedInTheBackground() {
        assertThat(answers.get("monitor", this::next)).isEqualTo(1);
        advance(50);
        assertThat(answers.get("monitor", this::next)).isEqualTo(1);
        assertThat(background).as("50 ms old is young enough").isEmpty();
        advance(1);
        assertThat(answers.get("monitor", this::next)).as("51 ms old: served, and computed again off the caller").isEqualTo(1);
        assertThat(answers.get("monitor", this::next)).isEqualTo(1);
        assertThat(background).as("one computation for every caller who found it old").hasSize(1);
        assertThat(computed).hasValue(1);
        background.poll().run();
        assertThat(answers.get("monitor", this::next)).isEqualTo(2);
        assertThat(computed).hasValue(2);
    }

    @Test
    void anAnswerTooOldToServeIsComputedByTheCaller() {
        answers.get("monitor", this::next);
        advance(101);
        assertThat(answers.get("monitor", this::next)).as("more than twice the max age old").isEqualTo(2);
        assertThat(background).isEmpty();
    }

    @Test
    void aBackgroundFailureIsNotKeptAndTheCallerWhoFindsThePreviousAnswerTooOldComputesAgain() {
        answers.get("monitor", this::next);
        advance(60);
        assertThat(answers.get("monitor", () -> {
            throw new IllegalStateException("stores rebalancing");
        })).isEqualTo(1);
        background.poll().run();
        advance(50);
        assertThat(answers.get("monitor", this::next)).as("110 ms old: computed by the caller").isEqualTo(2);
        assertThat(background).isEmpty();
    }

    @Test
    void aReadyAnswerIsOneServedWithoutWaitingAndNothingIsComputedForIt() {
        assertThat(answers.ready("monitor", this::next)).as("nothing computed yet").isNull();
        assertThat(computed).hasValue(0);
        answers.get("monitor", this::next);
        advance(50);
        assertThat(answers.ready("monitor", this::next)).isEqualTo(1);
        assertThat(background).isEmpty();
        advance(1);
        assertThat(answers.ready("monitor", this::next)).as("51 ms old: served, and computed again off the caller").isEqualTo(1);
        assertThat(background).hasSize(1);
        advance(50);
        assertThat(answers.ready("monitor", this::next)).as("101 ms old: the caller must compute or wait").isNull();
        assertThat(computed).hasValue(1);
        assertThat(new RecentAnswers<Integer>(Duration.ZERO, clock::get, background::add).ready("monitor", this::next))
                .as("nothing is kept at max age zero").isNull();
    }

    @Test
    void audiencesNeverShareAnAnswer() {
        assertThat(answers.get("embassy:TH", this::next)).isEqualTo(1);
        assertThat(answers.get("embassy:VN", this::next)).isEqualTo(2);
        assertThat(answers.get("embassy:TH", this::next)).isEqualTo(1);
    }

    @Test
    void aFailureIsNotKeptAndTheNextCallerComputesAgain() {
        assertThatThrownBy(() -> answers.get("monitor", () -> {
            throw new IllegalStateException("stores rebalancing");
        })).hasMessage("stores rebalancing");
        assertThat(answers.get("monitor", this::next)).isEqualTo(1);
    }

    @Test
    void zeroMaxAgeComputesEveryAnswer() {
        RecentAnswers<Integer> none = new RecentAnswers<>(Duration.ZERO, clock::get, background::add);
        none.get("monitor", this::next);
        none.get("monitor", this::next);
        assertThat(computed).hasValue(2);
    }

    @Test
    void whileTheAnswerIsRecomputedCallersGetThePreviousOneOrOnceItIsTooOldWaitForTheNewOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        RecentAnswers<Integer> answers = new RecentAnswers<>(Duration.ofMillis(50), clock::get, pool);
        try {
            answers.get("monitor", this::next);
            advance(60);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            assertThat(answers.get("monitor", () -> {
                started.countDown();
                await(release);
                return next();
            })).as("previous answer, 60 ms old, while the new one is computed in the background").isEqualTo(1);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(answers.get("monitor", this::next)).as("previous answer, 60 ms old").isEqualTo(1);
            advance(50);
            Future<Integer> waiting = pool.submit(() -> answers.get("monitor", this::next));
            Thread.sleep(200);
            assertThat(waiting).as("110 ms old is too old: waits for the answer being computed").isNotDone();
            release.countDown();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).as("computed once for all of them").hasValue(2);
        assertThat(answers.get("monitor", this::next)).as("the recomputed answer is kept").isEqualTo(2);
    }

    @Test
    void callersWaitingForAComputationThatFailsSeeItsFailure() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> failing = pool.submit(() -> answers.get("monitor", () -> {
                started.countDown();
                await(release);
                throw new IllegalStateException("stores rebalancing");
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> waiting = pool.submit(() -> answers.get("monitor", this::next));
            Thread.sleep(200);
            release.countDown();
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("stores rebalancing");
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("stores rebalancing");
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers.get("monitor", this::next)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
