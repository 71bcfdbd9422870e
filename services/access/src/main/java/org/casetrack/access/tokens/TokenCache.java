package org.casetrack.access.tokens;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.casetrack.access.config.AccessSettings;

/**
 * Tokens looked up recently, by secret hash, trusted for {@code casetrack.token-cache-ttl}. A
 * generation counter keeps a lookup that raced with a revocation from putting the revoked token
 * back: it is cached only if no invalidation happened since the lookup began.
 */
@Singleton
public class TokenCache {
    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Entry(TokenRecord token, long loadedAt) {
    }

    public TokenCache(AccessSettings settings) {
        this(settings.tokenCacheTtl());
    }

    TokenCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<TokenRecord> get(byte[] hash) {
        Entry entry = entries.get(key(hash));
        if (entry == null || System.nanoTime() - entry.loadedAt() >= ttlNanos) {
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    long generation() {
        return generation.get();
    }

    /** Caches a token read when the generation was {@code seenGeneration}, unless invalidated since. */
    synchronized void put(byte[] hash, TokenRecord token, long seenGeneration) {
        if (ttlNanos <= 0 || generation.get() != seenGeneration) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(hash), new Entry(token, System.nanoTime()));
    }

    synchronized void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private static String key(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
