package org.casetrack.feeds.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failed attempt wait initial * 2^(n-1), at most
 * max, spread uniformly over +-jitter of that (and still at most max), so receivers that failed
 * together do not all retry in the same instant.
 */
public record Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {

    /** @param failedAttempts attempts failed so far, from 1 */
    public Duration delay(int failedAttempts) {
        double base = initial.toMillis() * Math.pow(2, Math.min(failedAttempts - 1, 30));
        double capped = Math.min(base, max.toMillis());
        double spread = capped * (1 + jitter * (2 * random.getAsDouble() - 1));
        return Duration.ofMillis(Math.round(Math.min(Math.max(spread, 0), max.toMillis())));
    }
}
