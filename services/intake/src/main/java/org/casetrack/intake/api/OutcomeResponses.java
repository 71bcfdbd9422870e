package org.casetrack.intake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.casetrack.access.http.Problem;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.OutcomeStatus;
import org.casetrack.avro.Rejection;

/** Turns the ledger's outcomes into HTTP answers (API.md conventions). */
final class OutcomeResponses {
    private OutcomeResponses() {
    }

    /** 201 with the aggregate's id under {@code idName} and the event ids, or the rejection as a problem. */
    static MutableHttpResponse<?> single(CommandOutcome outcome, String idName) {
        if (outcome.getStatus() == OutcomeStatus.ACCEPTED) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(idName, outcome.getAggregateId());
            body.put("eventIds", ids(outcome.getEventIds()));
            return HttpResponse.created(body);
        }
        return rejected(outcome.getRejection());
    }

    static MutableHttpResponse<?> rejected(Rejection rejection) {
        HttpStatus status = HttpStatus.valueOf(rejection.getHttpStatus());
        Problem problem = Problem.typed(slug(rejection.getCode()), status, rejection.getMessage(), List.of());
        MutableHttpResponse<?> response = HttpResponse.status(status).body(problem).contentType(Problem.MEDIA_TYPE);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "1");
        }
        return response;
    }

    /** A report: 201 when every person was accepted, else 422 listing each person's result. */
    static MutableHttpResponse<?> report(List<CommandOutcome> outcomes) {
        boolean allAccepted = outcomes.stream().allMatch(o -> o.getStatus() == OutcomeStatus.ACCEPTED);
        if (allAccepted) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("caseIds", outcomes.stream().map(CommandOutcome::getAggregateId).toList());
            body.put("eventIds", outcomes.stream().flatMap(o -> ids(o.getEventIds()).stream()).toList());
            return HttpResponse.created(body);
        }
        List<Map<String, Object>> persons = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            CommandOutcome o = outcomes.get(i);
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("index", i);
            person.put("caseId", o.getAggregateId());
            if (o.getStatus() == OutcomeStatus.ACCEPTED) {
                person.put("status", 201);
                person.put("eventIds", ids(o.getEventIds()));
            } else {
                person.put("status", o.getRejection().getHttpStatus());
                person.put("code", o.getRejection().getCode());
                person.put("detail", o.getRejection().getMessage());
            }
            persons.add(person);
        }
        long refused = persons.stream().filter(p -> !Integer.valueOf(201).equals(p.get("status"))).count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:casetrack:problem:report-partly-refused");
        body.put("title", HttpStatus.UNPROCESSABLE_ENTITY.getReason());
        body.put("status", 422);
        body.put("detail", refused + " of " + outcomes.size() + " persons were not recorded; a retry with the same Idempotency-Key records the rest once fixed");
        body.put("persons", persons);
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(body).contentType(Problem.MEDIA_TYPE);
    }

    /** 503: the commands could not be published, so nothing is confirmed. */
    static MutableHttpResponse<?> unavailable() {
        Problem problem = Problem.typed("unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                "The log could not be reached; nothing is confirmed. Retry with the same Idempotency-Key", List.of());
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem).contentType(Problem.MEDIA_TYPE).header("Retry-After", "2");
    }

    /** 202: not decided within the wait; poll GET /api/v1/commands/{id}. */
    static MutableHttpResponse<?> pending(UUID commandId, List<UUID> commands) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", commandId.toString());
        body.put("status", "PENDING");
        if (commands.size() > 1) {
            body.put("commands", commands.stream().map(UUID::toString).toList());
        }
        return HttpResponse.accepted().body(body).header("Location", "/api/v1/commands/" + commandId);
    }

    static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
