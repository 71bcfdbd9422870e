package org.casetrack.standalone.deploy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the compose init step, under {@code casetrack.deploy.*} (environment: CASETRACK_DEPLOY_*).
 *
 * @param prometheusTokenFile where the init step writes the monitor token Prometheus scrapes with (a
 *                            volume only the init step and Prometheus mount); unset: no token is issued
 * @param prometheusTokenTtl  how long that token is valid; every run of the init step replaces it
 */
@ConfigurationProperties("casetrack.deploy")
public record DeploySettings(
        @Nullable String prometheusTokenFile,
        @Bindable(defaultValue = "365d") Duration prometheusTokenTtl) {
}
