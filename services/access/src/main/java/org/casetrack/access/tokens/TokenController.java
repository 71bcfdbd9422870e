package org.casetrack.access.tokens;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Tokens API (admin): issue a token (its secret shown once), list them, revoke one at once. */
@Controller("/api/v1/tokens")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {
    private static final Logger LOG = LoggerFactory.getLogger(TokenController.class);

    private final TokenStore tokens;

    public TokenController(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Serdeable
    public record IssuedToken(String token, String role, String name, String organisation, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[" + name + ", " + role + "]";
        }
    }

    @Serdeable
    public record TokenSummary(String name, String role, String organisation, String issuedBy, Instant issuedAt,
                               Instant expiresAt, boolean expired) {
    }

    @Serdeable
    public record TokenList(List<TokenSummary> tokens) {
    }

    @Post
    public HttpResponse<IssuedToken> issue(@Body TokenRequest request, Authentication authentication) {
        TokenRequest valid = request.validated(Instant.now());
        Caller admin = Caller.from(authentication);
        TokenStore.Issued issued = tokens.issue(valid.name(), valid.role(), valid.organisation(), valid.expiresAt(), admin.principal());
        LOG.info("Token issued: role {} for organisation {} by {}", valid.role(), valid.organisation(), admin.principal());
        TokenRecord token = issued.token();
        return HttpResponse.<IssuedToken>status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(new IssuedToken(issued.secret(), token.role(), token.name(), token.organisation(), token.expiresAt()));
    }

    @Get
    public TokenList list() {
        Instant now = Instant.now();
        return new TokenList(tokens.unrevoked().stream()
                .map(t -> new TokenSummary(t.name(), t.role(), t.organisation(), t.issuedBy(), t.issuedAt(), t.expiresAt(),
                        t.isExpiredAt(now)))
                .toList());
    }

    @Delete("/{name}")
    public HttpResponse<Void> revoke(@PathVariable String name, Authentication authentication) {
        if (!tokens.revoke(name)) {
            throw ProblemException.notFound("No active token has this name");
        }
        LOG.info("Token revoked by {}", Caller.from(authentication).principal());
        return HttpResponse.noContent();
    }
}
