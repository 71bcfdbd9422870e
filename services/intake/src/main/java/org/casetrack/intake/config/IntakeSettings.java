package org.casetrack.intake.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of intake, under {@code intake.*} (environment: INTAKE_*).
 *
 * @param outcomeTimeout how long a request waits for the ledger's outcomes before answering 202
 * @param commandTtl     how long after issue the ledger may still decide a command (its notAfter)
 * @param maxInFlight    requests being decided at once; beyond it, 429 with Retry-After
 * @param sendTimeout    the producer's max.block.ms: how long a send may wait for the broker before 503
 * @param recentOutcomes how many decided outcomes are kept for GET /api/v1/commands/{id} (0 to 10,000,000;
 *                       they take up to 512 bytes each, allocated as they arrive)
 * @param linger         the command producer's linger.ms: how long a command may wait for others to share its
 *                       produce request (each request costs the broker about as much as its records)
 */
@ConfigurationProperties("intake")
public record IntakeSettings(
        @Bindable(defaultValue = "PT5S") Duration outcomeTimeout,
        @Bindable(defaultValue = "PT60S") Duration commandTtl,
        @Bindable(defaultValue = "2000") int maxInFlight,
        @Bindable(defaultValue = "PT1.5S") Duration sendTimeout,
        @Bindable(defaultValue = "200000") int recentOutcomes,
        @Bindable(defaultValue = "PT0.005S") Duration linger) {

    public IntakeSettings {
        // the producer's delivery timeout (5 s) must cover the linger and its request timeout (3 s)
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("intake.linger must be between 0 and 1s, not " + linger);
        }
        if (recentOutcomes < 0 || recentOutcomes > 10_000_000) {
            throw new IllegalArgumentException("intake.recent-outcomes must be between 0 and 10000000, not " + recentOutcomes);
        }
    }
}
