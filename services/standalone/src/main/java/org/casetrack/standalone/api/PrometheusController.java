package org.casetrack.standalone.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import org.casetrack.access.auth.Roles;

/**
 * /prometheus for monitor and admin tokens only (Micronaut's own endpoint would admit any token):
 * JVM metrics and casetrack_* business metrics, whose labels never hold personal data or case ids.
 */
@Controller("/prometheus")
@Secured({Roles.MONITOR, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class PrometheusController {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    PrometheusController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "Metrics in the Prometheus text format (monitor or admin token)")
    @Get(produces = CONTENT_TYPE)
    String scrape() {
        return registry.scrape();
    }
}
