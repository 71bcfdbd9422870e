package org.casetrack.casefiles.projector;

import java.util.concurrent.atomic.AtomicInteger;
import org.casetrack.casefiles.store.Batch;
import org.casetrack.casefiles.store.DerivedDatabase;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.casefiles.support.ProjectorFixture;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.Compatibility;
import org.casetrack.schemas.registry.EmbeddedSchemaRegistry;
import org.casetrack.schemas.topics.Topics;

/**
 * A projector in a JVM of its own that halts the JVM (no shutdown hooks, no rollback, no leaving
 * the group) in the middle of its N-th batch: every row written, the transaction not committed.
 * Arguments: bootstrap servers, topic prefix, JDBC URL, N, records per poll.
 */
public final class CrashingProjector {
    public static final String HALTING = "halting in the middle of batch";

    private CrashingProjector() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        Topics topics = new Topics(args[1]);
        int crashOn = Integer.parseInt(args[3]);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrap, Topics.DEFAULT.schemas().name(), Compatibility.FULL_TRANSITIVE);
        AtomicInteger batches = new AtomicInteger();
        BatchObserver crash = new BatchObserver() {
            @Override
            public void beforeCommit(Batch batch) {
                if (batches.incrementAndGet() == crashOn) {
                    System.out.println(HALTING + " " + crashOn + " (" + batch.records() + " records written, not committed)");
                    System.out.flush();
                    Runtime.getRuntime().halt(137);
                }
            }
        };
        new CaseFilesProjector(ProjectorFixture.QUICK.withMaxPollRecords(Integer.parseInt(args[4])), bootstrap, topics,
                new TopicSerdes(registry, false), new DerivedDatabase(Pools.pool(args[2])), crash).start();
    }
}
