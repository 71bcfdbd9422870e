package org.casetrack.access.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casetrack.access.db.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches every exception no closer handler takes. Micronaut would log it with its message
 * ("Unexpected error occurred: ..."); an exception message can hold personal data, so this logs
 * only exception classes and stack frames, under a reference the 500 problem gives the caller.
 */
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Throwable, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    private static final int FRAMES = 8;
    private static final int DATABASE_RETRY_SECONDS = 5;

    private final ProblemResponses responses;

    public UnexpectedErrorHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Throwable exception) {
        Optional<ProblemException> raised = ProblemExceptionHandler.find(exception);
        if (raised.isPresent()) {
            return responses.render(request.getMethod(), HttpResponse.status(raised.get().problem().status(), null), raised.get());
        }
        if (exception instanceof DatabaseException db && db.isUnavailable()) {
            LOG.warn("Database unavailable on {} {}: {}", request.getMethodName(), request.getPath(), describe(exception));
            return responses.render(request.getMethod(), HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE),
                    ProblemException.unavailable("The database is unavailable; the request was not confirmed, retry later", DATABASE_RETRY_SECONDS));
        }
        String reference = UUID.randomUUID().toString();
        // the path only: a query string can carry search text
        LOG.error("Unexpected error {} on {} {}: {}", reference, request.getMethodName(), request.getPath(), describe(exception));
        Problem problem = Problem.typed("unexpected", HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error; quote reference " + reference + " to the operators", List.of());
        return responses.render(request.getMethod(), HttpResponse.serverError(), new ProblemException(problem));
    }

    /** Exception classes of the cause chain and the root cause's top frames, never a message. */
    public static String describe(Throwable exception) {
        StringBuilder text = new StringBuilder();
        Throwable root = exception;
        for (Throwable e = exception; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e != exception) {
                text.append(" caused by ");
            }
            text.append(e.getClass().getName());
            root = e;
        }
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            text.append("\n\tat ").append(frames[i]);
        }
        return text.toString();
    }
}
