package org.casetrack.casefiles.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.casetrack.casefiles.store.Batch;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.ProjectionCheck;
import org.casetrack.casefiles.support.EventLog;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.casefiles.support.ProjectorFixture;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two projectors in one group racing over a rebalance: one stalls with a batch in hand until the
 * group gives its partitions to the other; when it wakes up its batch is fenced (it commits
 * nothing), and from then on both share the partitions. Every record is committed exactly once.
 */
@ExtendWith(DevStackExtension.class)
class ProjectorRebalanceTest {

    @Test
    void aStalledProjectorIsFencedAndEveryBatchCommitsOnce(TestScope scope) throws Exception {
        scope.provisionTopics();
        ProjectorFixture.Scenario first = ProjectorFixture.scenario(3, 40);
        ProjectorFixture.Scenario second = ProjectorFixture.scenario(2, 40);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        BatchObserver stallFirstBatch = new BatchObserver() {
            @Override
            public void beforeTransaction(Batch batch) {
                if (once.compareAndSet(false, true)) {
                    stalled.countDown();
                    try {
                        release.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try (EventLog log = new EventLog(scope.bootstrapServers(), scope.topics(), ProjectorFixture.serdes(scope));
             HikariDataSource pool = Pools.pool(scope.jdbcUrl())) {
            DerivedRows rows = new DerivedRows(pool);
            ProjectorFixture.write(log, first, 20);
            try (CaseFilesProjector a = ProjectorFixture.projector(scope,
                    ProjectorFixture.QUICK.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(6)), pool, stallFirstBatch)) {
                assertThat(stalled.await(60, TimeUnit.SECONDS)).as("the first projector holds a batch").isTrue();
                try (CaseFilesProjector b = ProjectorFixture.projector(scope, ProjectorFixture.QUICK, pool, BatchObserver.NONE)) {
                    await().atMost(Duration.ofSeconds(90)).until(() -> projected(rows) == first.size());
                    assertThat(a.status().recordsCommitted()).isZero();

                    release.countDown();
                    await().atMost(Duration.ofSeconds(30)).until(() -> a.status().batchesFenced() >= 1);
                    assertThat(a.status().recordsCommitted()).as("the stalled batch committed nothing").isZero();

                    // both in the group again and sharing the twelve partitions, before the next events arrive
                    await().atMost(Duration.ofSeconds(60)).until(() -> a.status().partitions() > 0 && b.status().partitions() > 0
                            && a.status().partitions() + b.status().partitions() == 12);
                    ProjectorFixture.write(log, second, 10);
                    await().atMost(Duration.ofSeconds(90)).until(() -> projected(rows) == first.size() + second.size());
                    await().atMost(Duration.ofSeconds(30)).until(() -> a.lag() == 0 && b.lag() == 0);

                    assertThat(a.status().recordsCommitted()).as("the first projector took part again after the rebalance").isPositive();
                    assertThat(a.status().recordsCommitted() + b.status().recordsCommitted())
                            .as("records committed by both, each exactly once").isEqualTo(first.size() + second.size());
                }
            }
            ProjectionCheck.matchesTheTopics(scope, rows);
        }
    }

    private static long projected(DerivedRows rows) {
        return rows.countIfExists("derived.case_events") + rows.countIfExists("derived.compound_events");
    }
}
