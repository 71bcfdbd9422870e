package org.casetrack.views.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.reactivestreams.Publisher;

/**
 * The dashboard's numbers: {@code GET /api/v1/dashboard/stream} is a text/event-stream that sends a
 * {@code snapshot} event at once and again whenever the numbers change; {@code GET
 * /api/v1/dashboard/snapshot} answers the current snapshot once. Coordinators read exact counts,
 * monitors and embassies suppressed ones (embassies: their own nationals), as the views API gives
 * them. The page sends the token in the Authorization header (fetch, not EventSource), so it never
 * appears in a URL.
 */
@Controller("/api/v1/dashboard")
@Secured({Roles.COORDINATOR, Roles.MONITOR, Roles.EMBASSY})
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "views.enabled", notEquals = "false")
class DashboardStreamController {
    private static final String BEARER = "Bearer ";

    private final DashboardStreams streams;
    private final DashboardSnapshots snapshots;

    DashboardStreamController(DashboardStreams streams, DashboardSnapshots snapshots) {
        this.streams = streams;
        this.snapshots = snapshots;
    }

    @Get(uri = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    HttpResponse<Publisher<Event<String>>> stream(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        Publisher<Event<String>> events = streams.open(Audience.of(Caller.from(authentication)), token(authorization), authorization);
        // no proxy may cache or buffer a live stream
        return HttpResponse.ok(events).header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Accel-Buffering", "no");
    }

    @Get(uri = "/snapshot", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> snapshot(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        String body = snapshots.current(Audience.of(Caller.from(authentication)), authorization);
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The bearer token itself, re-checked on every tick of a stream. Authentication succeeded, so it is a bearer header. */
    private static String token(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? authorization.substring(BEARER.length()).strip()
                : authorization.strip();
    }
}
