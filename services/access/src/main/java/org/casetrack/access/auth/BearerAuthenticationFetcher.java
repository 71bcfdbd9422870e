package org.casetrack.access.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Authenticates a request by its bearer token alone. Replaces micronaut-security's token fetcher, which
 * for every authenticated request also resolved the server's host (parsing the request URI and looking
 * the server bean up again) and the caller's locale, and published an event carrying the raw token to
 * any listener; casetrack has none. Its reader ({@link QuietBearerTokenReader}) and validator
 * ({@link OpaqueTokenValidator}) are the only ones, so the first token found is the one validated.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public class BearerAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    private final TokenResolver<HttpRequest<?>> tokens;
    private final OpaqueTokenValidator validator;

    public BearerAuthenticationFetcher(TokenResolver<HttpRequest<?>> tokens, OpaqueTokenValidator validator) {
        this.tokens = tokens;
        this.validator = validator;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> token = tokens.resolveToken(request);
        if (token.isEmpty()) {
            return Mono.empty();
        }
        String value = token.get();
        return Mono.from(validator.validateToken(value, request))
                .doOnNext(authenticated -> request.setAttribute(SecurityFilter.TOKEN, value));
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER;
    }
}
