package org.casetrack.access.http;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Optional;

/**
 * Renders every error response of the HTTP server as {@code application/problem+json}: Micronaut's
 * own (401, 403, unknown routes, 405, malformed JSON, 413, validation) and casetrack's
 * {@link ProblemException}s. Replaces Micronaut's default processor (which yields to any other
 * {@link ErrorResponseProcessor} bean). Micronaut's error messages are never copied into the
 * detail: they can quote the request (a value that failed to convert, a JSON excerpt), and the
 * request can hold personal data.
 */
@Singleton
public class ProblemResponses implements ErrorResponseProcessor<Problem> {

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
        Optional<ProblemException> raised = ProblemExceptionHandler.find(context.getRootCause().orElse(null));
        if (raised.isPresent()) {
            return render(context.getRequest().getMethod(), response.status(raised.get().problem().status()), raised.get());
        }
        Problem problem = context.getRootCause()
                .filter(ConstraintViolationException.class::isInstance)
                .map(e -> ValidationProblems.of((ConstraintViolationException) e))
                .orElseGet(() -> forStatus(response.status(), context));
        return render(context.getRequest().getMethod(), response, problem);
    }

    /** Sets the problem as the body (except for HEAD), its status, and Retry-After when the exception gives one. */
    MutableHttpResponse<Problem> render(HttpMethod method, MutableHttpResponse<?> response, ProblemException raised) {
        raised.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", Integer.toString(seconds)));
        return render(method, response, raised.problem());
    }

    @SuppressWarnings("unchecked")
    private static MutableHttpResponse<Problem> render(HttpMethod method, MutableHttpResponse<?> response, Problem problem) {
        if (method == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static Problem forStatus(HttpStatus status, ErrorContext context) {
        return switch (status) {
            case BAD_REQUEST -> Problem.typed("invalid-request", status,
                    "The request could not be read: malformed JSON, a field of the wrong type or with an unknown value, or a missing parameter",
                    fieldsNamedIn(context));
            case UNAUTHORIZED -> Problem.of(status, "A valid, unexpired and unrevoked bearer token is required");
            case FORBIDDEN -> Problem.of(status, "This token's role may not do this");
            case NOT_FOUND -> Problem.of(status, "There is nothing at this path");
            case METHOD_NOT_ALLOWED -> Problem.of(status, "This path does not accept this method");
            case REQUEST_ENTITY_TOO_LARGE -> Problem.of(status, "The request body is larger than the server accepts");
            case UNSUPPORTED_MEDIA_TYPE -> Problem.of(status, "The request body must be application/json");
            default -> Problem.of(status, status.getCode() >= 500 ? "Unexpected error" : null);
        };
    }

    /** Names (never values) of the request arguments Micronaut could not bind. */
    private static List<FieldError> fieldsNamedIn(ErrorContext context) {
        return context.getErrors().stream()
                .flatMap(error -> error.getPath().stream())
                .distinct()
                .map(path -> new FieldError(path, "is missing, malformed or of the wrong type"))
                .toList();
    }
}
