package org.casetrack.feeds.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of webhook delivery, under {@code feeds.webhooks.*} (environment: FEEDS_WEBHOOKS_*).
 *
 * @param initialBackoff       the wait after a first failed attempt; it doubles with every further failure
 * @param maxBackoff           the longest wait between two attempts
 * @param attempts             failed attempts of one delivery before the subscription is suspended and
 *                             the delivery parked
 * @param jitter               a fraction (0 to 1): each wait is drawn uniformly from wait * (1 +- jitter)
 * @param timeout              connect and response timeout of one attempt
 * @param allowPrivateTargets  accept targets on loopback, private, link-local or otherwise internal
 *                             addresses (tests only: production refuses them)
 * @param allowPlainHttp       accept http:// targets (tests only: production requires https)
 */
@ConfigurationProperties("feeds.webhooks")
public record WebhookSettings(
        @Bindable(defaultValue = "1s") Duration initialBackoff,
        @Bindable(defaultValue = "5m") Duration maxBackoff,
        @Bindable(defaultValue = "8") int attempts,
        @Bindable(defaultValue = "0.2") double jitter,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "false") boolean allowPrivateTargets,
        @Bindable(defaultValue = "false") boolean allowPlainHttp) {

    public WebhookSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("feeds.webhooks.attempts must be at least 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("feeds.webhooks.jitter must be between 0 and 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("feeds.webhooks.max-backoff must be at least feeds.webhooks.initial-backoff");
        }
    }
}
