package org.casetrack.intake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.ProblemException;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.intake.kafka.OutcomeListener;

/**
 * The state of a command whose answer was 202: PENDING, ACCEPTED with the event ids, or REJECTED
 * with the problem. Every intake instance reads every outcome, so any instance can answer for a
 * decided command; a command no instance has seen decided is PENDING only where it was sent.
 */
@Controller("/api/v1/commands")
@Secured({Roles.COORDINATOR, Roles.ADMIN})
public class CommandsController {
    private final OutcomeListener outcomes;

    public CommandsController(OutcomeListener outcomes) {
        this.outcomes = outcomes;
    }

    @Get("/{commandId}")
    public HttpResponse<Map<String, Object>> state(@PathVariable String commandId) {
        UUID id = UUID.fromString(Requests.pathId(commandId, "command"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", id.toString());
        var decided = outcomes.recent(id);
        if (decided.isPresent()) {
            CommandOutcome outcome = decided.get();
            body.put("status", outcome.getStatus().name());
            body.put("aggregateId", outcome.getAggregateId());
            if (outcome.getStatus() == OutcomeStatus.ACCEPTED) {
                body.put("eventIds", OutcomeResponses.ids(outcome.getEventIds()));
            } else {
                body.put("problem", OutcomeResponses.rejected(outcome.getRejection()).body());
            }
            return HttpResponse.ok(body);
        }
        if (outcomes.isWaitingFor(id)) {
            body.put("status", "PENDING");
            return HttpResponse.ok(body);
        }
        throw ProblemException.notFound("No command with this id is pending or recently decided here");
    }
}
