package org.casetrack.intake.api;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;
import org.casetrack.intake.domain.Ids;

/** What every recording request shares: its command id, its body, and bad-input answers. */
final class Requests {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Requests() {
    }

    /**
     * commandId = UUIDv5(principal, method, path, Idempotency-Key); without a key, a fresh one, so a
     * retry is a new report.
     */
    static UUID commandId(Caller caller, HttpRequest<?> request) {
        String key = request.getHeaders().get(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ProblemException.badRequest("The Idempotency-Key header must be 1 to 200 characters",
                    List.of(new FieldError(IDEMPOTENCY_KEY, "must be 1 to 200 characters")));
        }
        String effective = key != null ? key : UUID.randomUUID().toString();
        return Ids.command(caller.principal(), request.getMethodName(), request.getPath(), effective);
    }

    /** Reads the fields; 400 naming every bad one, nothing written. */
    static <T> T valid(JsonInput in, T value) {
        if (!in.problems().isEmpty() || value == null) {
            throw ProblemException.badRequest("The request has " + in.problems().size() + " invalid field"
                    + (in.problems().size() == 1 ? "" : "s"), in.problems());
        }
        return value;
    }

    /** An id in the path that is not an id cannot name anything: 404. */
    static String pathId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ProblemException.notFound("No " + what + " with this id");
        }
        return id;
    }
}
