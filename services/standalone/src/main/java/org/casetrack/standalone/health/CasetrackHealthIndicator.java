package org.casetrack.standalone.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Feeds every {@link ComponentCheck} into Micronaut's /health (one result per component: kafka,
 * postgresql, registry, streams-*, casefiles-projector), checked off the event loop. /health is open
 * to anyone: states and counts only, no data.
 */
@Singleton
public class CasetrackHealthIndicator implements HealthIndicator {
    private final List<ComponentCheck> checks;
    private final ExecutorService blocking;

    public CasetrackHealthIndicator(List<ComponentCheck> checks, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.checks = checks;
        this.blocking = blocking;
    }

    /** Every component's state now. */
    public List<ComponentHealth> components() {
        return checks.stream().flatMap(c -> c.check().stream()).toList();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Flux.fromIterable(checks)
                .flatMap(check -> Flux.defer(() -> Flux.fromIterable(check.check())).subscribeOn(Schedulers.fromExecutorService(blocking)))
                .map(c -> HealthResult.builder(c.name(), c.up() ? HealthStatus.UP : HealthStatus.DOWN).details(c.details()).build());
    }
}
