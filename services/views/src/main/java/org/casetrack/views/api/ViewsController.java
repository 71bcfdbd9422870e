package org.casetrack.views.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;

/**
 * The Views section of the HTTP API: coordinators exact; monitors and embassies suppressed; embassies their own nationals.
 * The two answers asked most often (victims of a compound, unrepatriated) are given on the event loop when
 * nothing needs waiting for (the compound's partition is here, or the shared answer is young enough), and
 * on the blocking executor otherwise; the others always run there.
 */
@Controller("/api/v1")
@Secured({Roles.COORDINATOR, Roles.MONITOR, Roles.EMBASSY})
class ViewsController {
    static final int MAX_TIMELINE_DAYS = 366;

    private final ViewQueries queries;
    private final Executor blocking;

    ViewsController(ViewQueries queries, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.queries = queries;
        this.blocking = blocking;
    }

    @Get("/compounds")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, Object> compounds(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return queries.compounds(Caller.from(authentication), authorization);
    }

    @Get(value = "/compounds/{compoundId}/victims", produces = MediaType.APPLICATION_JSON)
    CompletableFuture<byte[]> victims(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathVariable String compoundId) {
        Caller caller = Caller.from(authentication);
        return readyOrBlocking(queries.victimsReady(caller, compoundId, authorization), () -> queries.victims(caller, compoundId, authorization));
    }

    @Get(value = "/stats/unrepatriated", produces = MediaType.APPLICATION_JSON)
    CompletableFuture<byte[]> unrepatriated(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.from(authentication);
        return readyOrBlocking(queries.unrepatriatedReady(caller, authorization), () -> queries.unrepatriated(caller, authorization));
    }

    /** The answer given without waiting, or, when there is none (null), the one computed on the blocking executor. */
    private <T> CompletableFuture<T> readyOrBlocking(T ready, Supplier<T> waiting) {
        return ready != null ? CompletableFuture.completedFuture(ready) : CompletableFuture.supplyAsync(waiting, blocking);
    }

    @Get("/stats/timeline")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, Object> timeline(Authentication authentication, @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                 @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (errors.isEmpty() && ChronoUnit.DAYS.between(start, end) + 1 > MAX_TIMELINE_DAYS) {
            errors.add(new FieldError("to", "a timeline covers at most " + MAX_TIMELINE_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid timeline range", errors);
        }
        return queries.timeline(Caller.from(authentication), start, end, authorization);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required (yyyy-MM-dd)"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (yyyy-MM-dd)"));
            return null;
        }
    }
}
