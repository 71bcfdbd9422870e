package org.casetrack.access.tokens;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.casetrack.access.config.AccessSettings;

/**
 * Tokens looked up recently, by secret hash, trusted for {@code casetrack.token-cache-ttl} from the
 * time they were read. A generation counter keeps a lookup that raced with a revocation from putting
 * the revoked token back: it is cached only if no invalidation happened since the lookup began.
 *
 * <p>An entry past half its time may be refreshed, once, by whoever reads it then ({@link #get(byte[], Runnable)}),
 * so a token in steady use is read again before it expires and no request waits for the database.
 */
@Singleton
public class TokenCache {
    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Entry(TokenRecord token, long loadedAt, AtomicBoolean refreshClaimed) {
    }

    @Inject
    public TokenCache(AccessSettings settings) {
        this(settings.tokenCacheTtl(), System::nanoTime);
    }

    TokenCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<TokenRecord> get(byte[] hash) {
        return get(hash, null);
    }

    /**
     * The cached token, as {@link #get(byte[])}; when it is past half its time, {@code refresh} (unless
     * null) runs for one caller only, who reads it again ({@link #put} renews it, {@link #drop} removes it
     * when it is gone).
     */
    Optional<TokenRecord> get(byte[] hash, Runnable refresh) {
        Entry entry = entries.get(key(hash));
        long age = entry == null ? ttlNanos : nanoTime.getAsLong() - entry.loadedAt();
        if (age >= ttlNanos) {
            return Optional.empty();
        }
        if (refresh != null && age >= ttlNanos / 2 && entry.refreshClaimed().compareAndSet(false, true)) {
            refresh.run();
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
        entries.put(key(hash), new Entry(token, nanoTime.getAsLong(), new AtomicBoolean()));
    }

    /** Forgets one token: a refresh found it revoked or expired in the database. */
    void drop(byte[] hash) {
        entries.remove(key(hash));
    }

    synchronized void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private static String key(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
