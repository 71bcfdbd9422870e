package org.casetrack.standalone.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Business metrics, under {@code casetrack.metrics.*} (environment: CASETRACK_METRICS_*).
 *
 * @param clusterEnabled  compute the cluster-wide metrics here: events by type and rejections by rule
 *                        (read from the log), consumer and view lag, DLQ records, feed deliveries. They are
 *                        the same from every instance, so compose computes them in one container only
 * @param refreshInterval how often lag, DLQ and delivery numbers are read again
 */
@ConfigurationProperties("casetrack.metrics")
public record MetricsSettings(
        @Bindable(defaultValue = "true") boolean clusterEnabled,
        @Bindable(defaultValue = "15s") Duration refreshInterval) {
}
