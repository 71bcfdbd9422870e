package org.casetrack.views.config;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.casetrack.avro.ViewGeneration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the current generation of the views: started when the HTTP server is up (its port is the
 * application.server other instances route queries to), switched when a rebuild makes another
 * generation current (the new one is started, restored from its changelogs, and answers queries once
 * RUNNING; then the old one is closed, and its topics removed once no instance runs it), closed on shutdown.
 */
@Singleton
// compose runs one service per process of the same jar: the others are switched off
@Requires(property = "views.enabled", notEquals = "false")
public class ViewsService implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewsService.class);

    private final ViewsRuntime runtime;
    private final Generations generations;
    private final AtomicReference<GenerationApp> current = new AtomicReference<>();
    private volatile String applicationServer;
    private volatile boolean closed;

    public ViewsService(ViewsRuntime runtime) {
        this.runtime = runtime;
        this.generations = runtime.generations();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        applicationServer = runtime.settings().advertisedHost() + ":" + event.getSource().getPort();
        int generation = generations.current(Duration.ofSeconds(30)).map(ViewGeneration::getGeneration).orElseGet(() -> {
            generations.publish(1);
            return 1;
        });
        synchronized (this) {
            current.set(runtime.start(generation, Optional.of(applicationServer), false));
        }
        LOG.info("Views serving generation {} as {}", generation, applicationServer);
        generations.watch(this::switchTo);
    }

    /** The generation queries are answered from; empty before start-up. */
    public Optional<GenerationApp> current() {
        return Optional.ofNullable(current.get());
    }

    public String applicationServer() {
        return applicationServer;
    }

    private void switchTo(int generation) {
        GenerationApp old = current.get();
        if (closed || old == null || generation <= old.generation()) {
            return;
        }
        LOG.info("Views switching from generation {} to {}", old.generation(), generation);
        GenerationApp next = runtime.start(generation, Optional.of(applicationServer), false);
        if (!next.app().awaitRunning(runtime.settings().switchTimeout())) {
            LOG.error("Views generation {} did not start within {}; staying on {}", generation, runtime.settings().switchTimeout(),
                    old.generation());
            next.close(runtime.settings().closeTimeout());
            return;
        }
        synchronized (this) {
            if (closed) {
                next.close(runtime.settings().closeTimeout());
                return;
            }
            current.set(next);
        }
        old.close(runtime.settings().closeTimeout());
        old.streams().cleanUp();
        LOG.info("Views switched to generation {}", generation);
        Thread cleanup = new Thread(() -> removeWhenAbandoned(old.generation()), "views-remove-g" + old.generation());
        cleanup.setDaemon(true);
        cleanup.start();
    }

    /** Removes the old generation's topics once every instance has left it (they switch at their own pace). */
    private void removeWhenAbandoned(int generation) {
        long deadline = System.nanoTime() + runtime.settings().cleanupTimeout().toNanos();
        while (!closed && System.nanoTime() < deadline) {
            if (runtime.isAbandoned(generation)) {
                runtime.remove(generation);
                return;
            }
            synchronized (this) {
                try {
                    wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warn("Views generation {} still has members after {}; its topics are kept", generation, runtime.settings().cleanupTimeout());
    }

    @PreDestroy
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        generations.close();
        GenerationApp app = current.getAndSet(null);
        if (app != null) {
            app.close(runtime.settings().closeTimeout());
        }
    }
}
