package org.casetrack.access.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code Authorization: Bearer <token>}. Replaces micronaut-security's reader, which logs
 * the whole Authorization header at DEBUG when it does not start with "Bearer " (a token sent
 * with the wrong scheme would land in the log).
 */
@Singleton
@Replaces(BearerTokenReader.class)
public class QuietBearerTokenReader implements TokenReader<HttpRequest<?>> {
    private static final String PREFIX = "bearer ";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .filter(value -> value.length() > PREFIX.length()
                        && value.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX))
                .map(value -> value.substring(PREFIX.length()).trim())
                .filter(token -> !token.isEmpty());
    }

    @Override
    public int getOrder() {
        return BearerTokenReader.ORDER;
    }
}
