package org.casetrack.casefiles.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.regex.Pattern;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;

/**
 * Case files (API.md): a coordinator reads everything, an embassy its consenting nationals only
 * (anything else is 404), other roles are refused (403).
 */
@Controller("/api/v1/cases")
@Secured({Roles.COORDINATOR, Roles.EMBASSY})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseFilesController {
    /** Case ids are UUIDs; anything else cannot name a case. */
    private static final Pattern CASE_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

    private final CaseFileReader files;
    private final CaseListReader lists;

    public CaseFilesController(CaseFileReader files, CaseListReader lists) {
        this.files = files;
        this.lists = lists;
    }

    @Get("/{caseId}")
    public CaseFileResponse read(@PathVariable String caseId, Authentication authentication) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw CaseFileReader.notFound();
        }
        return files.read(caseId, Caller.from(authentication));
    }

    @Get
    public CasePage search(HttpRequest<?> request, Authentication authentication) {
        return lists.search(SearchParams.parse(request.getParameters()), Caller.from(authentication));
    }
}
