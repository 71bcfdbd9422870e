package org.casetrack.feeds.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the SSE feed, under {@code feeds.sse.*} (environment: FEEDS_SSE_*).
 *
 * @param maxStreams  feed streams open at once on this instance (each holds a thread and a consumer);
 *                    beyond it, 503 with Retry-After
 * @param heartbeat   how often an idle stream sends an SSE comment, so proxies keep it open and a
 *                    vanished client is noticed
 */
@ConfigurationProperties("feeds.sse")
public record SseSettings(
        @Bindable(defaultValue = "32") int maxStreams,
        @Bindable(defaultValue = "15s") Duration heartbeat) {
}
