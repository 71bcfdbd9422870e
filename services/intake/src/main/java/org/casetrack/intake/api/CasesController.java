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
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.intake.domain.Draft;
import org.casetrack.platform.config.CasetrackSettings;

/** Everything recorded on an existing case (API.md, Reports). Each answers 201 {caseId, eventIds}. */
@Controller("/api/v1/cases/{caseId}")
@Secured(Roles.COORDINATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CasesController {
    private final Submitter submitter;
    private final CaseInputs inputs;

    public CasesController(Submitter submitter, CasetrackSettings settings) {
        this.submitter = submitter;
        this.inputs = new CaseInputs(settings.zoneId());
    }

    @Post("/repatriation")
    public CompletableFuture<MutableHttpResponse<?>> repatriation(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.repatriation(in));
    }

    @Post("/arrest")
    public CompletableFuture<MutableHttpResponse<?>> arrest(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.arrest(in));
    }

    @Post("/detention-end")
    public CompletableFuture<MutableHttpResponse<?>> detentionEnd(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.detentionEnd(in));
    }

    @Post("/consent")
    public CompletableFuture<MutableHttpResponse<?>> consent(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.consent(in));
    }

    @Post("/screening")
    public CompletableFuture<MutableHttpResponse<?>> screening(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.screening(in));
    }

    @Post("/referrals")
    public CompletableFuture<MutableHttpResponse<?>> referral(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.referral(in));
    }

    @Post("/assistance")
    public CompletableFuture<MutableHttpResponse<?>> assistance(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.assistance(in));
    }

    @Post("/travel-documents")
    public CompletableFuture<MutableHttpResponse<?>> travelDocument(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.travelDocument(in));
    }

    @Post("/corrections")
    public CompletableFuture<MutableHttpResponse<?>> correction(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> CorrectionInput.read(in, json.json()));
    }

    @Post("/close")
    public CompletableFuture<MutableHttpResponse<?>> close(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.close(in));
    }

    @Post("/reopen")
    public CompletableFuture<MutableHttpResponse<?>> reopen(HttpRequest<?> r, @PathVariable String caseId, @Body byte[] body, Authentication a) {
        return submit(r, caseId, body, a, (in, json) -> inputs.reopen(in));
    }

    private CompletableFuture<MutableHttpResponse<?>> submit(HttpRequest<?> request, String caseId, byte[] body, Authentication authentication,
                                                            BiFunction<JsonInput, RequestBody, Draft> read) {
        Caller caller = Caller.from(authentication);
        String id = Requests.pathId(caseId, "case");
        RequestBody parsed = RequestBody.parse(body);
        JsonInput in = JsonInput.root(parsed.json(), new ArrayList<>());
        Draft draft = Requests.valid(in, read.apply(in, parsed));
        return submitter.caseCommand(caller, id, Requests.commandId(caller, request), parsed.hash(), draft);
    }
}
