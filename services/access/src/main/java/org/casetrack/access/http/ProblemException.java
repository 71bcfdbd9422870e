package org.casetrack.access.http;

import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.OptionalInt;

/**
 * Thrown anywhere in request handling to answer with a {@link Problem}. The exception message is
 * the problem's title and status only, so a log line about it can never carry the detail.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.status() + " " + problem.title(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for the Retry-After header, when the caller should come back later. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.typed("invalid-request", HttpStatus.BAD_REQUEST, detail, errors));
    }

    public static ProblemException badRequest(String detail) {
        return badRequest(detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.typed("not-found", HttpStatus.NOT_FOUND, detail, List.of()));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.typed("forbidden", HttpStatus.FORBIDDEN, detail, List.of()));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.typed("conflict", HttpStatus.CONFLICT, detail, List.of()));
    }

    public static ProblemException unprocessable(String detail) {
        return unprocessable(detail, List.of());
    }

    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.typed("unprocessable", HttpStatus.UNPROCESSABLE_ENTITY, detail, errors));
    }

    public static ProblemException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.typed("overloaded", HttpStatus.TOO_MANY_REQUESTS, detail, List.of()), retryAfterSeconds);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.typed("unavailable", HttpStatus.SERVICE_UNAVAILABLE, detail, List.of()), retryAfterSeconds);
    }
}
