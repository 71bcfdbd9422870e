package org.casetrack.standalone.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import java.util.Map;
import org.casetrack.access.http.Problem;
import org.casetrack.standalone.health.EnabledServices;

/**
 * In a process that runs only some services (compose: one per container), the routes of the others
 * answer 404, as if absent, instead of failing on the start-up beans that are switched off.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class DisabledServiceFilter {
    private static final Map<String, String> SERVICE_OF_PACKAGE = Map.of(
            "org.casetrack.intake.", "intake", "org.casetrack.ledger.", "ledger", "org.casetrack.views.", "views",
            "org.casetrack.casefiles.", "casefiles", "org.casetrack.feeds.", "feeds");

    private final EnabledServices services;

    DisabledServiceFilter(EnabledServices services) {
        this.services = services;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseRoutesOfServicesNotRunningHere(HttpRequest<?> request) {
        var match = RouteAttributes.getRouteMatch(request).orElse(null);
        if (!(match instanceof MethodBasedRouteMatch<?, ?> method)) {
            return null;
        }
        String type = method.getDeclaringType().getName();
        for (var entry : SERVICE_OF_PACKAGE.entrySet()) {
            if (type.startsWith(entry.getKey()) && !services.runs(entry.getValue())) {
                return HttpResponse.status(HttpStatus.NOT_FOUND)
                        .body(Problem.of(HttpStatus.NOT_FOUND, "There is nothing at this path on this instance ("
                                + entry.getValue() + " runs elsewhere)"))
                        .contentType(Problem.MEDIA_TYPE);
            }
        }
        return null;
    }
}
