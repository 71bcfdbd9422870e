package org.casetrack.access.keys;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.casetrack.schemas.crypto.DataKey;

/**
 * Unwrapped data keys kept briefly in memory, by case id and by key id. An erasure removes the
 * case's key at once; a generation counter keeps a load that raced with the erasure from putting
 * the key back.
 */
final class KeyCache {
    private static final int MAX_ENTRIES = 20_000;

    private final long ttlNanos;
    private final Map<String, Entry> byCase = new ConcurrentHashMap<>();
    private final Map<String, Entry> byKeyId = new ConcurrentHashMap<>();
    private long generation;

    private record Entry(String caseId, DataKey key, long loadedAt) {
    }

    KeyCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<DataKey> forCase(String caseId) {
        return fresh(byCase.get(caseId));
    }

    Optional<DataKey> forKeyId(String keyId) {
        return fresh(byKeyId.get(keyId));
    }

    synchronized long generation() {
        return generation;
    }

    synchronized void put(String caseId, DataKey key, long seenGeneration) {
        if (ttlNanos <= 0 || seenGeneration != generation) {
            return;
        }
        if (byCase.size() >= MAX_ENTRIES) {
            byCase.clear();
            byKeyId.clear();
        }
        Entry entry = new Entry(caseId, key, System.nanoTime());
        byCase.put(caseId, entry);
        byKeyId.put(key.keyId(), entry);
    }

    synchronized void invalidate(String caseId) {
        generation++;
        Entry entry = byCase.remove(caseId);
        if (entry != null) {
            byKeyId.remove(entry.key().keyId());
        }
        byKeyId.values().removeIf(e -> e.caseId().equals(caseId));
    }

    private Optional<DataKey> fresh(Entry entry) {
        if (entry == null || System.nanoTime() - entry.loadedAt() >= ttlNanos) {
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }
}
