package org.casetrack.standalone.metrics;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.casetrack.casefiles.projector.ProjectorLifecycle;

/** The case-files projector of this process: records not yet in PostgreSQL (NaN until its first poll). */
@Context
@Requires(beans = ProjectorLifecycle.class)
public class ProjectorMetrics {

    public ProjectorMetrics(ProjectorLifecycle projector, MeterRegistry registry) {
        Gauge.builder("casetrack.projector.lag", projector, p -> p.lag() < 0 ? Double.NaN : p.lag()).baseUnit("records")
                .description("Case-file events not yet projected into PostgreSQL").register(registry);
    }
}
