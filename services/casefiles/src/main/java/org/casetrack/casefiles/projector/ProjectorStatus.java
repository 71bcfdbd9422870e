package org.casetrack.casefiles.projector;

import java.time.Instant;

/**
 * How the projector is doing, for /health and metrics.
 *
 * @param partitions       partitions assigned to this projector and sought to their stored offsets
 * @param lag              records in the assigned partitions not yet committed to PostgreSQL (-1 before the first poll)
 * @param batchesFenced    batches rolled back because another projector had moved their offsets
 * @param lastCommitAt     when the last batch committed, null before the first
 */
public record ProjectorStatus(State state, int partitions, long lag, long batchesCommitted, long recordsCommitted, long batchesFenced,
                              Instant lastCommitAt) {

    /** RETRYING: paused after a failure (PostgreSQL or the dead-letter topic unavailable), waiting to retry from the stored offsets. */
    public enum State { STARTING, RUNNING, RETRYING, STOPPED }
}
