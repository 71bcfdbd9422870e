package org.casetrack.views.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.sse.Event;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.casetrack.access.auth.OpaqueTokenValidator;
import org.casetrack.access.http.ProblemException;
import org.casetrack.views.config.ViewsSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The live dashboard streams of this instance, at most {@code views.dashboard.max-streams}. Each
 * stream is checked every {@code views.dashboard.check-interval} on a small shared scheduler (a check
 * is a store read, shared by an audience, and a token look-up); nothing runs on the event loop.
 */
@Singleton
@Requires(property = "views.enabled", notEquals = "false")
class DashboardStreams implements AutoCloseable {
    private final DashboardSnapshots snapshots;
    private final OpaqueTokenValidator tokens;
    private final DashboardSettings settings;
    private final int retryAfterSeconds;
    private final Semaphore slots;
    private final Set<DashboardConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "dashboard-stream-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    DashboardStreams(DashboardSnapshots snapshots, OpaqueTokenValidator tokens, DashboardSettings settings, ViewsSettings views) {
        this.snapshots = snapshots;
        this.tokens = tokens;
        this.settings = settings;
        this.retryAfterSeconds = views.retryAfterSeconds();
        this.slots = new Semaphore(settings.maxStreams());
    }

    /**
     * Opens a stream: the first snapshot is read now, so a caller gets a 503 (not an empty stream)
     * while the views are not queryable.
     *
     * @throws ProblemException 503 when the views are not queryable or every stream slot is taken
     */
    Flux<Event<String>> open(Audience audience, String token, String authorization) {
        if (!slots.tryAcquire()) {
            throw ProblemException.unavailable("Too many live dashboards are open on this server; retry shortly", retryAfterSeconds);
        }
        try {
            snapshots.current(audience, authorization);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        AtomicBoolean released = new AtomicBoolean();
        return Flux.create((FluxSink<Event<String>> sink) -> {
            DashboardConnection connection = new DashboardConnection(audience, token, authorization, sink,
                    new DashboardConnection.Shared(snapshots, tokens, settings.heartbeat(), retryAfterSeconds));
            open.add(connection);
            long interval = settings.checkInterval().toMillis();
            ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(connection::tick, interval, interval, TimeUnit.MILLISECONDS);
            // the first snapshot goes out as soon as the response asks for it, not a check interval later
            AtomicBoolean first = new AtomicBoolean(true);
            sink.onRequest(n -> {
                if (first.getAndSet(false)) {
                    scheduler.execute(connection::tick);
                }
            });
            sink.onDispose(() -> {
                task.cancel(false);
                open.remove(connection);
                if (released.compareAndSet(false, true)) {
                    slots.release();
                }
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    @Override
    @PreDestroy
    public void close() {
        open.forEach(DashboardConnection::end);
        scheduler.shutdownNow();
    }
}
