package org.casetrack.access.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import java.time.Instant;
import java.util.List;
import org.casetrack.access.support.AccessServer;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/** Requests are authenticated by casetrack's own bearer fetcher, on tokens issued through the API. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerAuthenticationFetcherTest {
    private AccessServer server;

    @BeforeAll
    void start(TestScope scope) {
        server = AccessServer.start(scope);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void itIsTheOnlyFetcherInTheContext() {
        List<String> fetchers = server.context().getBeansOfType(AuthenticationFetcher.class).stream()
                .map(fetcher -> fetcher.getClass().getName()).toList();

        assertThat(fetchers).containsExactly(BearerAuthenticationFetcher.class.getName())
                .doesNotContain(TokenAuthenticationFetcher.class.getName());
    }

    @Test
    void anIssuedTokenAuthenticatesItsHolderAndIsKeptOnTheRequest() {
        String secret = server.issue("coordinator", "fetcher-known", Instant.now().plusSeconds(3600));
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/compounds").bearerAuth(secret);

        Authentication who = fetch(request);

        assertThat(who).isNotNull();
        assertThat(who.getName()).isEqualTo("fetcher-known");
        assertThat(who.getRoles()).contains(Roles.COORDINATOR);
        assertThat(request.getAttribute(SecurityFilter.TOKEN, String.class)).contains(secret);
    }

    @Test
    void anUnknownTokenOrNoneOrAnotherSchemeIsAnonymous() {
        MutableHttpRequest<?> unknown = HttpRequest.GET("/api/v1/compounds").bearerAuth(TokenSecrets.generate());
        MutableHttpRequest<?> basic = HttpRequest.GET("/api/v1/compounds").basicAuth("somchai", "secret");

        assertThat(fetch(unknown)).isNull();
        assertThat(unknown.getAttribute(SecurityFilter.TOKEN)).isEmpty();
        assertThat(fetch(HttpRequest.GET("/api/v1/compounds"))).isNull();
        assertThat(fetch(basic)).isNull();
    }

    private Authentication fetch(HttpRequest<?> request) {
        return Mono.from(server.bean(BearerAuthenticationFetcher.class).fetchAuthentication(request)).block();
    }
}
