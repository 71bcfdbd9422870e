package org.casetrack.standalone.health;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every component of /health is up (the Streams applications RUNNING, not rebalancing; the
 * projector polling; Kafka, PostgreSQL and the registry answering), saying every so often which are not yet.
 */
public final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final long POLL_MS = 200;

    private Readiness() {
    }

    public static void await(ApplicationContext context, Duration progressEvery) {
        CasetrackHealthIndicator health = context.getBean(CasetrackHealthIndicator.class);
        long started = System.nanoTime();
        long nextReport = started + progressEvery.toNanos();
        Object monitor = new Object();
        while (true) {
            // up is not enough at start-up: a Streams application still rebalancing cannot answer yet
            List<ComponentHealth> down = health.components().stream()
                    .filter(c -> !c.up() || "REBALANCING".equals(c.details().get("state"))).toList();
            if (down.isEmpty()) {
                LOG.info("Every part is up after {} ms", (System.nanoTime() - started) / 1_000_000);
                return;
            }
            if (System.nanoTime() > nextReport) {
                LOG.info("Waiting for {}", down.stream().map(c -> c.name() + " " + c.details()).toList());
                nextReport = System.nanoTime() + progressEvery.toNanos();
            }
            synchronized (monitor) {
                try {
                    monitor.wait(POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
