package org.casetrack.access.disclosure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;

/** {@code GET /api/v1/disclosures?caseId=}: who received or read what about a person (admin). */
@Controller("/api/v1/disclosures")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DisclosureController {
    private final DisclosureLog log;

    public DisclosureController(DisclosureLog log) {
        this.log = log;
    }

    @Serdeable
    public record Disclosures(String caseId, List<Disclosure> disclosures) {
    }

    @Get
    public Disclosures forCase(@Nullable @QueryValue String caseId) {
        if (caseId == null || caseId.isBlank()) {
            throw ProblemException.badRequest("Name the case: ?caseId=", List.of(new FieldError("caseId", "is required")));
        }
        return new Disclosures(caseId, log.forCase(caseId));
    }
}
