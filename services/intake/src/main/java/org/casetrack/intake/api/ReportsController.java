package org.casetrack.intake.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.FieldError;
import org.casetrack.intake.domain.Draft;
import org.casetrack.intake.domain.Ids;

/** Compound reports and escape reports (API.md, Reports). */
@Controller("/api/v1")
@Secured(Roles.COORDINATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportsController {
    private final Submitter submitter;

    public ReportsController(Submitter submitter) {
        this.submitter = submitter;
    }

    @Post("/compounds")
    public CompletableFuture<MutableHttpResponse<?>> discover(HttpRequest<?> request, @Body byte[] body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        RequestBody parsed = RequestBody.parse(body);
        JsonInput in = JsonInput.root(parsed.json(), new ArrayList<>());
        var payload = Requests.valid(in, CompoundInputs.discover(in));
        UUID commandId = Requests.commandId(caller, request);
        return submitter.compoundCommand(caller, Ids.compoundOf(commandId).toString(), commandId, parsed.hash(), payload);
    }

    @Post("/compounds/{compoundId}/status")
    public CompletableFuture<MutableHttpResponse<?>> status(HttpRequest<?> request, @PathVariable String compoundId, @Body byte[] body,
                                                          Authentication authentication) {
        return onCompound(request, compoundId, body, authentication, CompoundInputs::status);
    }

    @Post("/compounds/{compoundId}/headcounts")
    public CompletableFuture<MutableHttpResponse<?>> headcount(HttpRequest<?> request, @PathVariable String compoundId, @Body byte[] body,
                                                             Authentication authentication) {
        return onCompound(request, compoundId, body, authentication, CompoundInputs::headcount);
    }

    @Post("/compounds/{compoundId}/operator-arrests")
    public CompletableFuture<MutableHttpResponse<?>> operatorArrest(HttpRequest<?> request, @PathVariable String compoundId, @Body byte[] body,
                                                                  Authentication authentication) {
        return onCompound(request, compoundId, body, authentication, CompoundInputs::operatorArrest);
    }

    private CompletableFuture<MutableHttpResponse<?>> onCompound(HttpRequest<?> request, String compoundId, byte[] body,
                                                                Authentication authentication, Function<JsonInput, Object> read) {
        Caller caller = Caller.from(authentication);
        String id = Requests.pathId(compoundId, "compound");
        RequestBody parsed = RequestBody.parse(body);
        JsonInput in = JsonInput.root(parsed.json(), new ArrayList<>());
        Object payload = Requests.valid(in, read.apply(in));
        return submitter.compoundCommand(caller, id, Requests.commandId(caller, request), parsed.hash(), payload);
    }

    @Post("/escapes")
    public CompletableFuture<MutableHttpResponse<?>> escape(HttpRequest<?> request, @Body byte[] body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        RequestBody parsed = RequestBody.parse(body);
        List<FieldError> problems = new ArrayList<>();
        JsonInput in = JsonInput.root(parsed.json(), problems);
        List<Draft> persons = Requests.valid(in, EscapeInput.read(in));
        return submitter.report(caller, Requests.commandId(caller, request), parsed.hash(), persons);
    }
}
