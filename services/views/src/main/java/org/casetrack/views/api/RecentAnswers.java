package org.casetrack.views.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers that read every compound, kept for a short time and shared by every caller of one audience.
 * Such an answer costs a scan of all compounds (and a suppression plan for monitors and embassies), yet
 * the stores it reads change only at the views' commits. An answer is served while it is at most
 * {@code maxAge} old (its age counted from when its computation began). Once it is older but at most
 * twice {@code maxAge} old, callers are still served it while it is computed again in the background,
 * so no caller waits for a computation; an answer older than that (or none at all) is computed by one
 * caller while the others wait for it, so a burst of callers never computes the same answer many times
 * over. A failure is not kept: the callers waiting for that computation see it, the next caller computes
 * afresh. A max age of zero keeps nothing.
 */
final class RecentAnswers<T> {
    private static final Logger LOG = LoggerFactory.getLogger(RecentAnswers.class);

    private record Answer<T>(long computedFrom, T value) {
    }

    private final ConcurrentHashMap<String, Answer<T>> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<T>> computing = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Executor background;

    RecentAnswers(Duration maxAge) {
        this(maxAge, System::nanoTime, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "views-answers-refresh");
            t.setDaemon(true);
            return t;
        }));
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
        long now = nanoTime.getAsLong();
        Answer<T> previous = answers.get(key);
        if (previous != null && now - previous.computedFrom() <= maxAgeNanos) {
            return previous.value();
        }
        boolean stillServed = previous != null && now - previous.computedFrom() <= 2 * maxAgeNanos;
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> inFlight = computing.putIfAbsent(key, mine);
        if (inFlight == null) {
            if (stillServed && inBackground(() -> compute(key, compute, mine, now))) {
                return previous.value();
            }
            return compute(key, compute, mine, now);
        }
        if (stillServed) {
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

    private T compute(String key, Supplier<T> compute, CompletableFuture<T> mine, long now) {
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

    /** Starts a recomputation nobody waits for; false when the executor refuses it (the caller computes). */
    private boolean inBackground(Runnable recompute) {
        try {
            background.execute(() -> {
                try {
                    recompute.run();
                } catch (RuntimeException e) {
                    LOG.info("Recomputing a shared answer failed ({}); the next caller computes it", e.getClass().getSimpleName());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }
}
