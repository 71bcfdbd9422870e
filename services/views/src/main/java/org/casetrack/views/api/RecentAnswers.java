package org.casetrack.views.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers that read every compound, kept for a short time and shared by every caller of one audience.
 * Such an answer costs a scan of all compounds (and a suppression plan for monitors and embassies), yet
 * the stores it reads change only at the views' commits. An answer is served as it is while it is at
 * most {@code maxAge} old (its age counted from when its computation began). The first caller to find
 * it older starts its computation again in the background and, like every caller until the new one is
 * in, is still served the previous answer while that is at most twice {@code maxAge} old; so under a
 * steady stream of callers nobody waits for a computation. A caller finding no answer, or one older than
 * that, waits for the computation in flight or computes it itself, so a burst of callers never computes
 * the same answer many times over. A failure is not kept: the callers waiting for that computation see
 * it, the next caller computes afresh. A max age of zero keeps nothing.
 */
final class RecentAnswers<T> {
    /** Shared by every instance; a computation in flight per audience and answer at most, so few threads. */
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "views-recent-answers");
        thread.setDaemon(true);
        return thread;
    });

    private record Answer<T>(long computedFrom, T value) {
    }

    private final ConcurrentHashMap<String, Answer<T>> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<T>> computing = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Executor background;

    RecentAnswers(Duration maxAge) {
        this(maxAge, System::nanoTime, BACKGROUND);
    }

    RecentAnswers(Duration maxAge, LongSupplier nanoTime, Executor background) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.background = background;
    }

    T get(String key, Supplier<T> compute) {
        if (maxAgeNanos <= 0) {
            return compute.get();
        }
        T ready = ready(key, compute);
        if (ready != null) {
            return ready;
        }
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> inFlight = computing.putIfAbsent(key, mine);
        if (inFlight == null) {
            return compute(key, compute, mine);
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

    /**
     * The answer as {@link #get} serves it without waiting (starting its computation in the background
     * when it is getting old), or null when {@link #get} would compute it or wait for it.
     */
    T ready(String key, Supplier<T> compute) {
        if (maxAgeNanos <= 0) {
            return null;
        }
        long now = nanoTime.getAsLong();
        Answer<T> previous = answers.get(key);
        if (previous != null && now - previous.computedFrom() <= maxAgeNanos) {
            return previous.value();
        }
        if (previous != null && now - previous.computedFrom() <= 2 * maxAgeNanos) {
            refreshInBackground(key, compute);
            return previous.value();
        }
        return null;
    }

    private void refreshInBackground(String key, Supplier<T> compute) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        if (computing.putIfAbsent(key, mine) != null) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    compute(key, compute, mine);
                } catch (RuntimeException e) {
                    // not kept: whoever waited for this computation has seen it, and a caller who finds
                    // the previous answer too old computes afresh
                }
            });
        } catch (RejectedExecutionException e) {
            computing.remove(key, mine);
            mine.completeExceptionally(e);
        }
    }

    private T compute(String key, Supplier<T> compute, CompletableFuture<T> mine) {
        long from = nanoTime.getAsLong();
        try {
            T value = compute.get();
            answers.put(key, new Answer<>(from, value));
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }
}
