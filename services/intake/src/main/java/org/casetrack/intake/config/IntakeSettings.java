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
 * @param recentOutcomes how many decided outcomes are kept for GET /api/v1/commands/{id}
 */
@ConfigurationProperties("intake")
public record IntakeSettings(
        @Bindable(defaultValue = "PT5S") Duration outcomeTimeout,
        @Bindable(defaultValue = "PT60S") Duration commandTtl,
        @Bindable(defaultValue = "2000") int maxInFlight,
        @Bindable(defaultValue = "PT1.5S") Duration sendTimeout,
        @Bindable(defaultValue = "200000") int recentOutcomes) {
}
