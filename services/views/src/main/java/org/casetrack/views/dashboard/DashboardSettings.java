package org.casetrack.views.dashboard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The dashboard's settings, under {@code views.dashboard.*} (environment: VIEWS_DASHBOARD_*).
 *
 * @param checkInterval how often a live stream looks for changed numbers (a snapshot is sent only on change)
 * @param heartbeat     an idle stream sends an SSE comment this often, so proxies and the page know it is alive
 * @param timelineDays  how many days, up to today, the timeline chart covers
 * @param maxStreams    live streams this instance serves at once; beyond it, 503 with Retry-After
 */
@ConfigurationProperties("views.dashboard")
public record DashboardSettings(
        @Bindable(defaultValue = "PT1S") Duration checkInterval,
        @Bindable(defaultValue = "PT15S") Duration heartbeat,
        @Bindable(defaultValue = "90") int timelineDays,
        @Bindable(defaultValue = "200") int maxStreams) {

    public DashboardSettings {
        if (checkInterval.isNegative() || checkInterval.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("views.dashboard.check-interval and views.dashboard.heartbeat must be positive");
        }
        if (timelineDays < 1 || timelineDays > 366) {
            throw new IllegalArgumentException("views.dashboard.timeline-days must be from 1 to 366");
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("views.dashboard.max-streams must be at least 1");
        }
    }
}
