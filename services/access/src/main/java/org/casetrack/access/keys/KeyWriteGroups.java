package org.casetrack.access.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.schemas.crypto.DataKey;

/**
 * Group commit for data keys: the cases of requests that arrive while a write is under way go to the
 * database together, in the next write, so many concurrent reports cost one statement and one commit
 * (one WAL flush) instead of one each. The caller that takes the lock writes for everyone queued; the
 * others wait for the lock and usually find their keys written. A lone request is written at once.
 */
final class KeyWriteGroups {
    /** Writes (or reads back) the keys of these distinct cases in one go. */
    @FunctionalInterface
    interface Writer {
        Written write(List<String> caseIds);
    }

    /** The keys a write produced or found, and the cases it found erased (no key, never a new one). */
    record Written(Map<String, DataKey> keys, Set<String> erased) {
    }

    private final Writer writer;
    private final int maxCases;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();

    /** @param maxCases the most cases one write takes (a request larger than that is written alone) */
    KeyWriteGroups(Writer writer, int maxCases) {
        if (maxCases < 1) {
            throw new IllegalArgumentException("A key write takes at least one case: " + maxCases);
        }
        this.writer = writer;
        this.maxCases = maxCases;
    }

    /**
     * The keys of these cases, written with whatever other requests wait at the time.
     *
     * @throws CaseErasedException when one of the cases' key was destroyed
     * @throws DatabaseException   the write's failure, a copy for every request of that write
     * @throws IllegalStateException any other failure of the write, with it as the cause
     */
    Map<String, DataKey> keysFor(Collection<String> caseIds) {
        Waiting mine = new Waiting(List.copyOf(new LinkedHashSet<>(caseIds)));
        queue.add(mine);
        writing.lock();
        try {
            while (!mine.done) {
                writeQueued();
            }
        } finally {
            writing.unlock();
        }
        return mine.result();
    }

    /** Requests queued and not yet taken by a write. */
    int waiting() {
        return queue.size();
    }

    /** Under the lock: takes the queue's head requests up to the case bound and writes them together. */
    private void writeQueued() {
        List<Waiting> group = new ArrayList<>();
        LinkedHashSet<String> cases = new LinkedHashSet<>();
        for (Waiting next = queue.peek(); next != null; next = queue.peek()) {
            if (!group.isEmpty() && cases.size() + next.caseIds.size() > maxCases) {
                break;
            }
            queue.poll();
            group.add(next);
            cases.addAll(next.caseIds);
        }
        Written written = null;
        RuntimeException failure = null;
        try {
            written = writer.write(new ArrayList<>(cases));
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            // even when an Error passes through, no request of the group is left waiting for a write that ended
            RuntimeException answer = written == null && failure == null ? new IllegalStateException("The data key write failed") : failure;
            for (Waiting w : group) {
                w.complete(written, answer);
            }
        }
    }

    /** The write's failure as this request's own exception, never one instance thrown in several threads. */
    private static RuntimeException own(RuntimeException shared) {
        if (shared instanceof DatabaseException database) {
            return database.forAnotherRequest();
        }
        return new IllegalStateException("The data key write failed: " + shared.getClass().getSimpleName(), shared);
    }

    /** One request's cases and, once written, its answer; read and written under the lock. */
    private static final class Waiting {
        private final List<String> caseIds;
        private boolean done;
        private Written written;
        private RuntimeException failure;

        Waiting(List<String> caseIds) {
            this.caseIds = caseIds;
        }

        void complete(Written written, RuntimeException failure) {
            this.written = written;
            this.failure = failure;
            this.done = true;
        }

        Map<String, DataKey> result() {
            if (failure != null) {
                throw own(failure);
            }
            Map<String, DataKey> keys = new LinkedHashMap<>();
            for (String caseId : caseIds) {
                if (written.erased().contains(caseId)) {
                    throw new CaseErasedException(caseId);
                }
                keys.put(caseId, written.keys().get(caseId));
            }
            return keys;
        }
    }
}
