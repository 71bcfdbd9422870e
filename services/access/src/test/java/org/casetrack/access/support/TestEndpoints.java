package org.casetrack.access.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.access.http.ProblemException;

/** Endpoints that exist only in tests, to reach the error paths and the caller a real service sees. */
@Controller("/test")
@Requires(property = "casetrack.test.endpoints", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TestEndpoints {
    /** Put into an exception message by {@link #boom()}; must reach neither the response nor the log. */
    public static final String PERSONAL_IN_EXCEPTION = Planted.value("Nguyen Thi Planted-Exception 1994-03-02");

    @Serdeable
    public record Who(String principal, String organisation, String role, String embassyCountry, List<String> roles) {
    }

    @Serdeable
    public record Person(@NotBlank String fullName, @Pattern(regexp = "[A-Z]{2}") String nationality) {
    }

    @Serdeable
    public record Report(@NotBlank String occurredOn, @Size(min = 1, max = 3) @Valid List<Person> persons) {
    }

    @Get("/whoami")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Who whoami(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return new Who(caller.principal(), caller.organisation(), caller.role(), caller.embassyCountry().orElse(null),
                List.copyOf(authentication.getRoles()));
    }

    @Get("/embassy-only")
    @Secured(Roles.EMBASSY)
    public Who embassyOnly(Authentication authentication) {
        return whoami(authentication);
    }

    @Post("/reports")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Report validated(@Valid @Body Report report) {
        return report;
    }

    @Post("/sink")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public int sink(@Body String body) {
        return body.length();
    }

    @Get("/boom")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public String boom() {
        throw new IllegalStateException("could not process " + PERSONAL_IN_EXCEPTION);
    }

    @Get("/database-down")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public String databaseDown() {
        throw new DatabaseException("Reading a case", new SQLTransientConnectionException("casetrack - Connection is not available"));
    }

    @Get("/unavailable")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public String unavailable() {
        throw ProblemException.unavailable("The log is unavailable; not confirmed, retry with the same Idempotency-Key", 7);
    }
}
