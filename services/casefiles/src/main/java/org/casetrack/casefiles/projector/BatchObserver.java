package org.casetrack.casefiles.projector;

import org.casetrack.casefiles.store.Batch;

/**
 * Sees each batch on the projector's thread: before its transaction starts, and inside it once
 * every row is written, just before the commit. For metrics and for fault injection in tests (a
 * projector that stalls before its transaction, or dies in the middle of one).
 */
public interface BatchObserver {
    BatchObserver NONE = new BatchObserver() {
    };

    default void beforeTransaction(Batch batch) {
    }

    default void beforeCommit(Batch batch) {
    }
}
