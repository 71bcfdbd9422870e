package org.casetrack.ledger.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The ledger's settings, under {@code ledger.*} (environment: LEDGER_*). Kafka Streams overrides go under
 * {@code kafka.streams.ledger.*}.
 *
 * @param compoundGrace  how long a case command naming a compound not yet in the registry waits before it
 *                       is rejected UNKNOWN_COMPOUND (the registry is read as a global table, which lags)
 * @param compoundMaxWait the longest such a command waits, however far behind the compound side is
 * @param retryInterval  how often (wall clock) waiting case commands are retried
 * @param applicationId  the Kafka Streams application id; empty means {@code <casetrack.topic-prefix>ledger}
 * @param closeTimeout   how long shutdown waits for the Streams application to close and leave its group
 */
@ConfigurationProperties("ledger")
public record LedgerSettings(
        @Bindable(defaultValue = "PT2S") Duration compoundGrace,
        @Bindable(defaultValue = "PT60S") Duration compoundMaxWait,
        @Bindable(defaultValue = "PT0.05S") Duration retryInterval,
        @Nullable String applicationId,
        @Bindable(defaultValue = "PT30S") Duration closeTimeout) {

    public LedgerSettings {
        if (compoundGrace.isNegative()) {
            throw new IllegalArgumentException("ledger.compound-grace may not be negative");
        }
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("ledger.retry-interval must be positive");
        }
    }

    public String applicationIdOr(String topicPrefix) {
        return applicationId != null && !applicationId.isBlank() ? applicationId : topicPrefix + "ledger";
    }
}
