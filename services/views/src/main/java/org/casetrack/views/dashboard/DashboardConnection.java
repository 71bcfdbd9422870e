package org.casetrack.views.dashboard;

import io.micronaut.http.sse.Event;
import java.time.Duration;
import java.util.Optional;
import org.casetrack.access.auth.OpaqueTokenValidator;
import org.casetrack.access.http.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * One live dashboard. Each check: the token must still be valid (a revoked or expired token ends
 * the stream with a {@code signed-out} event), then the snapshot is read and sent as a
 * {@code snapshot} event only when it differs from the last one sent. While the views are not
 * queryable an {@code updating} event is sent once, and the next good snapshot follows it. An idle
 * stream sends a comment every heartbeat. A client that reads slowly is skipped until it has read
 * what it was sent, then gets the latest snapshot, never a backlog.
 */
final class DashboardConnection {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardConnection.class);
    private static final Duration TOKEN_CHECK_TIMEOUT = Duration.ofSeconds(5);

    /** What every connection uses. */
    record Shared(DashboardSnapshots snapshots, OpaqueTokenValidator tokens, Duration heartbeat, int retryAfterSeconds) {
    }

    private final Audience audience;
    private final String token;
    private final String authorization;
    private final FluxSink<Event<String>> sink;
    private final Shared shared;
    private String lastSnapshot;
    private boolean updating;
    private long lastSent = System.nanoTime();

    DashboardConnection(Audience audience, String token, String authorization, FluxSink<Event<String>> sink, Shared shared) {
        this.audience = audience;
        this.token = token;
        this.authorization = authorization;
        this.sink = sink;
        this.shared = shared;
    }

    /** Called by the scheduler: every check interval, and once when the response first asks for an event. */
    synchronized void tick() {
        if (sink.isCancelled() || sink.requestedFromDownstream() <= 0) {
            return;
        }
        try {
            if (!tokenStillValid()) {
                sink.next(Event.of("{}").name("signed-out"));
                sink.complete();
                return;
            }
            String snapshot = shared.snapshots().current(audience, authorization);
            if (updating || !snapshot.equals(lastSnapshot)) {
                send(Event.of(snapshot).name("snapshot"));
                lastSnapshot = snapshot;
                updating = false;
            }
        } catch (ProblemException e) {
            unavailable();
        } catch (RuntimeException e) {
            // the class only: a message could quote stored values
            LOG.warn("Dashboard stream of a {} could not read its numbers: {}", audience.role(), e.getClass().getName());
            unavailable();
        }
        if (!sink.isCancelled() && System.nanoTime() - lastSent >= shared.heartbeat().toNanos()) {
            send(Event.of("").comment("heartbeat"));
        }
    }

    void end() {
        sink.complete();
    }

    private boolean tokenStillValid() {
        Optional<?> authentication = Mono.from(shared.tokens().validateToken(token, null)).blockOptional(TOKEN_CHECK_TIMEOUT);
        return authentication.isPresent();
    }

    private void unavailable() {
        if (!updating) {
            send(Event.of("{\"retryAfter\":" + shared.retryAfterSeconds() + "}").name("updating"));
            updating = true;
        }
    }

    private void send(Event<String> event) {
        sink.next(event);
        lastSent = System.nanoTime();
    }
}
