package org.casetrack.views.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers that read every compound, kept for a short time and shared by every caller of one audience.
 * Such an answer costs a scan of all compounds (and a suppression plan for monitors and embassies), yet
 * the stores it reads change only at the views' commits. An answer is served while it is at most
 * {@code maxAge} old (its age counted from when its computation began). Once it is older, one caller
 * computes it again; meanwhile the others are served the previous answer while it is at most twice
 * {@code maxAge} old, and otherwise wait for the one being computed, so a burst of callers never
 * computes the same answer many times over. A failure is not kept: the callers of that computation see
 * it, the next caller computes afresh. A max age of zero keeps nothing.
 */
final class RecentAnswers<T> {
    private record Answer<T>(long computedFrom, T value) {
    }

    private final ConcurrentHashMap<String, Answer<T>> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<T>> computing = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    RecentAnswers(Duration maxAge) {
        this(maxAge, System::nanoTime);
    }

    RecentAnswers(Duration maxAge, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    T get(String key, Supplier<T> compute) {
        if (maxAgeNanos <= 0) {
            return compute.get();
        }
        long now = nanoTime.getAsLong();
        Answer<T> previous = answers.get(key);
        if (previous != null && now - previous.computedFrom() <= maxAgeNanos) {
            return previous.value();
        }
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> inFlight = computing.putIfAbsent(key, mine);
        if (inFlight == null) {
            try {
                T value = compute.get();
                answers.put(key, new Answer<>(now, value));
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                computing.remove(key, mine);
            }
        }
        if (previous != null && now - previous.computedFrom() <= 2 * maxAgeNanos) {
            return previous.value();
        }
        try {
            return inFlight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
