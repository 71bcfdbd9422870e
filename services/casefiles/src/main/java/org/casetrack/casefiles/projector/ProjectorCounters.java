package org.casetrack.casefiles.projector;

import java.time.Instant;
import org.casetrack.casefiles.projector.ProjectorStatus.State;

/** The projector's status, written by its thread and read by anyone. */
final class ProjectorCounters {
    private State state = State.STARTING;
    private int partitions;
    private long lag = -1;
    private long batches;
    private long records;
    private long fenced;
    private Instant lastCommitAt;

    synchronized void state(State next) {
        state = next;
    }

    synchronized void position(int sought, long behind) {
        partitions = sought;
        lag = behind;
    }

    synchronized void committed(int batchRecords) {
        batches++;
        records += batchRecords;
        lastCommitAt = Instant.now();
    }

    synchronized void fenced() {
        fenced++;
    }

    synchronized ProjectorStatus status() {
        return new ProjectorStatus(state, partitions, lag, batches, records, fenced, lastCommitAt);
    }
}
