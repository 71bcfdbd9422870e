package org.casetrack.access.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.casetrack.access.config.AccessSettings;
import org.casetrack.access.tokens.TokenRecord;
import org.casetrack.access.tokens.TokenStore;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Validates opaque bearer tokens (not JWT): the admin token from the environment, or a token
 * found by the SHA-256 of its secret in {@code "primary".tokens}, neither revoked nor expired.
 * The database lookup runs off the event loop, and so does the refresh of a cached token in steady
 * use (before it expires from the cache, so no request waits for it). An unknown, expired or revoked
 * token yields no authentication, so the request is anonymous and refused with 401 where a role is
 * required.
 */
@Singleton
public class OpaqueTokenValidator implements TokenValidator<HttpRequest<?>> {
    public static final String ADMIN_PRINCIPAL = "admin";

    private final TokenStore tokens;
    private final ExecutorService refresher;
    private final Scheduler blocking;
    private final Optional<byte[]> adminHash;
    private final Authentication admin;

    public OpaqueTokenValidator(TokenStore tokens, AccessSettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.refresher = blocking;
        this.blocking = Schedulers.fromExecutorService(blocking);
        this.adminHash = settings.adminTokenValue().map(TokenSecrets::hash);
        this.admin = authentication(ADMIN_PRINCIPAL, Roles.ADMIN, settings.adminOrganisation());
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        if (token.length() > TokenSecrets.MAX_LENGTH) {
            return Mono.empty();
        }
        byte[] hash = TokenSecrets.hash(token);
        if (adminHash.isPresent() && MessageDigest.isEqual(hash, adminHash.get())) {
            return Mono.just(admin);
        }
        Optional<TokenRecord> cached = tokens.cached(hash, refresher);
        if (cached.isPresent()) {
            return Mono.just(authentication(cached.get()));
        }
        return Mono.fromCallable(() -> tokens.authenticate(hash).map(OpaqueTokenValidator::authentication).orElse(null))
                .subscribeOn(blocking);
    }

    private static Authentication authentication(TokenRecord token) {
        return authentication(token.name(), token.role(), token.organisation());
    }

    private static Authentication authentication(String principal, String role, String organisation) {
        return Authentication.build(principal, Roles.granted(role), Map.of(Caller.ORGANISATION, organisation, Caller.ROLE, role));
    }
}
