package org.casetrack.access.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Answers a {@link ProblemException} with its problem, its status and its Retry-After. */
@Singleton
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    private final ProblemResponses responses;

    public ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return responses.render(request.getMethod(), HttpResponse.status(exception.problem().status(), null), exception);
    }

    /** The first {@link ProblemException} in a cause chain (reactive and async code wraps them). */
    static Optional<ProblemException> find(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }
}
