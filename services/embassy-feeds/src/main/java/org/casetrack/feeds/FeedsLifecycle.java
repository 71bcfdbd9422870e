package org.casetrack.feeds;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.casetrack.feeds.api.FeedStreaming;
import org.casetrack.feeds.topology.FeedStreams;
import org.casetrack.feeds.webhooks.WebhookWorkers;

/**
 * Starts the feeds when the context starts (feed topics provisioned, the topology running, a
 * webhook worker per active subscription) and stops them when it shuts down: the webhook workers
 * and SSE streams first, then the topology, which leaves its group.
 */
@Singleton
// compose runs one service per process of the same jar: the others are switched off
@Requires(property = "feeds.enabled", notEquals = "false")
public class FeedsLifecycle {
    private final FeedStreams streams;
    private final WebhookWorkers workers;
    private final FeedStreaming streaming;

    public FeedsLifecycle(FeedStreams streams, WebhookWorkers workers, FeedStreaming streaming) {
        this.streams = streams;
        this.workers = workers;
        this.streaming = streaming;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        streams.start();
        workers.startAll();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        workers.close();
        streaming.close();
        streams.close();
    }
}
