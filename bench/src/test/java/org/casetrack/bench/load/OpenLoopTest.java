package org.casetrack.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fixed-rate schedule measures from each call's intended send time, so a stall counts against every call it held back. */
class OpenLoopTest {

    @Test
    void aStallCountsAgainstEveryCallItHeldBack() {
        CountDownLatch never = new CountDownLatch(1);
        LoadResult result = new OpenLoop("stall", 1, status -> status == 200).fixedRate(100, Duration.ofSeconds(1), index -> {
            if (index == 0) {
                never.await(300, TimeUnit.MILLISECONDS);
            }
            return 200;
        });
        assertThat(result.ok()).isEqualTo(100);
        // the calls due in the first 200 ms waited behind the stall: each is recorded as at least 100 ms late,
        // where a closed loop that timed only the calls themselves would show one slow call
        long heldBack = 0;
        for (var value : result.latency().recordedValues()) {
            if (value.getValueIteratedTo() >= 100_000) {
                heldBack += value.getCountAddedInThisIterationStep();
            }
        }
        assertThat(heldBack).isGreaterThanOrEqualTo(15);
    }

    @Test
    void callsSentLateAreCountedAndTimedFromTheirSendBesideTheirDueTime() {
        // one worker, a call every 10 ms, each taking 20 ms: every call after the first few is sent late, and
        // waits longer the further the schedule falls behind; from its send each still takes about 20 ms
        LoadResult result = new OpenLoop("late", 1, status -> status == 200).fixedRate(100, Duration.ofMillis(600), index -> {
            Thread.sleep(20);
            return 200;
        });
        assertThat(result.sentLate()).as("calls sent over 1 ms after they were due").isGreaterThanOrEqualTo(result.ok() - 2);
        assertThat(result.millisFromSend(99)).isBetween(19.0, 60.0);
        assertThat(result.millis(99)).as("from the due time").isGreaterThan(200.0);
        assertThat(result.fromSendSummary()).contains("from send p99").contains("sent over 1 ms late");
        assertThat(result.progressLine("queries", "answers", "answer", 2, 3))
                .startsWith("queries: late: ")
                .contains(" answers/s, p50 ")
                .containsPattern(" p99 \\d+\\.\\d{2} ms, p99\\.9 \\d+\\.\\d{2} ms \\(200: " + result.ok() + "[^;]*; from send p99 ")
                .endsWith(" ms of CPU per answer");

        LoadResult flatOut = new OpenLoop("flat", 1, status -> status == 200).fullSpeed(Duration.ofMillis(100), index -> 200);
        assertThat(flatOut.fromSend()).as("flat out, every latency is from the send").isSameAs(flatOut.latency());
        assertThat(flatOut.sentLate()).isZero();
        assertThat(flatOut.fromSendSummary()).isEmpty();
        assertThat(flatOut.progressLine("intake", "accepted", "report", 1, 2))
                .startsWith("intake: flat: ")
                .containsPattern(" accepted/s, p50 \\d+\\.\\d ms, ")
                .doesNotContain("from send")
                .endsWith(" ms of CPU per report");
    }

    @Test
    void callsTheScheduleCouldNotSendAreCountedAsMissedWithTheirWait() {
        CountDownLatch never = new CountDownLatch(1);
        LoadResult result = new OpenLoop("behind", 1, status -> status == 200).fixedRate(100, Duration.ofMillis(500), index -> {
            if (index == 0) {
                never.await(1, TimeUnit.SECONDS);
            }
            return 200;
        });
        assertThat(result.ok()).isEqualTo(1);
        assertThat(result.missed()).isEqualTo(49);
        assertThat(result.latency().getTotalCount()).as("every scheduled call is in the distribution").isEqualTo(50);
        assertThat(result.statusSummary()).contains("200: 1").contains("not sent in time: 49");
    }

    @Test
    void failedCallsAreCountedByStatusAndKeptOutOfTheLatencies() {
        LoadResult result = new OpenLoop("statuses", 2, status -> status == 201).fixedRate(200, Duration.ofMillis(500), index -> {
            if (index % 4 == 0) {
                throw new IllegalStateException("connection refused");
            }
            return index % 4 == 1 ? 429 : 201;
        });
        assertThat(result.statuses()).containsEntry(0, 25L).containsEntry(429, 25L).containsEntry(201, 50L);
        assertThat(result.ok()).isEqualTo(50);
        assertThat(result.failed()).isEqualTo(50);
        assertThat(result.latency().getTotalCount()).isEqualTo(50);
    }

    @Test
    void everyWorkerRecordsIntoTheOneDistribution() {
        LoadResult result = new OpenLoop("many", 32, status -> status == 200).fullSpeed(Duration.ofMillis(400), index -> 200);
        assertThat(result.ok()).isPositive();
        assertThat(result.latency().getTotalCount()).as("no recording lost between workers").isEqualTo(result.ok());
    }

    @Test
    void theCpuACallCostsIsMeasuredBesideItsLatency() {
        // each call keeps its thread busy for 3 ms of its own CPU time: the machine spent at least that per call
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LoadResult result = new OpenLoop("busy", 1, status -> status == 200).fullSpeed(Duration.ofMillis(600), index -> {
            long until = threads.getCurrentThreadCpuTime() + 3_000_000;
            while (threads.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();
            }
            return 200;
        });
        assertThat(result.ok()).isPositive();
        assertThat(result.cpu().jvmCores()).isGreaterThan(0.5);
        assertThat(result.machineCpuMillisPerSuccess()).isGreaterThanOrEqualTo(2.7);
        assertThat(result.machineCores()).matches("\\d+\\.\\d\\d of " + Runtime.getRuntime().availableProcessors());
    }

    @Test
    void noSuccessHasNoCpuPerSuccess() {
        LoadResult result = new OpenLoop("refused", 1, status -> status == 201).fullSpeed(Duration.ofMillis(100), index -> 503);
        assertThat(result.ok()).isZero();
        assertThat(result.machineCpuMillisPerSuccess()).isNaN();
    }

    @Test
    void theScheduleBeginsOnceEveryWorkerRuns() {
        // starting 1,500 threads takes far longer than the schedule's first intervals; more calls than
        // workers, so that no worker has run out of calls and ended by the first one
        int workers = 1_500;
        int[] aliveAtFirstCall = new int[1];
        LoadResult result = new OpenLoop("crowd", workers, status -> status == 200).fixedRate(1_000, Duration.ofSeconds(2), index -> {
            if (index == 0) {
                aliveAtFirstCall[0] = (int) Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("crowd-") && t.isAlive()).count();
            }
            return 200;
        });
        assertThat(result.ok()).isPositive();
        assertThat(aliveAtFirstCall[0]).as("workers alive when the first call was made").isEqualTo(workers);
    }
}
