package org.casetrack.access.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import org.casetrack.access.support.AccessServer;
import org.casetrack.access.support.Response;
import org.casetrack.access.support.TestEndpoints;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every error response of the HTTP server is application/problem+json with the right status. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemResponsesTest {
    private AccessServer server;
    private String token;

    @BeforeAll
    void start(TestScope scope) {
        server = AccessServer.start(scope);
        token = server.issue("coordinator");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static JsonNode problem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        return problem;
    }

    @Test
    void missingTokenIs401AndWrongRoleIs403() {
        problem(server.call("GET", "/api/v1/tokens", null, null), 401);
        problem(server.call("GET", "/api/v1/tokens", token, null), 403);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        problem(server.call("GET", "/api/v1/nowhere", token, null), 404);
        problem(server.call("GET", "/api/v1/nowhere", null, null), 404);
        problem(server.call("PUT", "/api/v1/tokens", server.adminToken(), "{}"), 405);
    }

    @Test
    void malformedJsonIs400() {
        problem(server.call("POST", "/test/reports", token, "{\"occurredOn\": \"2026-01-17\", \"persons\": [ "), 400);
        problem(server.call("POST", "/api/v1/tokens", server.adminToken(), "not json at all"), 400);
        problem(server.call("POST", "/api/v1/tokens", server.adminToken(), "{\"expiresAt\": {\"nested\": true}}"), 400);
    }

    @Test
    void validationErrorsAre400NamingEachInvalidField() {
        JsonNode problem = problem(server.call("POST", "/test/reports", token,
                "{\"occurredOn\": \"\", \"persons\": [{\"fullName\": \"\", \"nationality\": \"thai\"}]}"), 400);
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("occurredOn", "persons[0].fullName", "persons[0].nationality");
        assertThat(problem.toString()).doesNotContain("thai");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "\"" + "x".repeat(1024 * 1024 + 10) + "\"";
        problem(server.call("POST", "/test/sink", token, big), 413);
        assertThat(server.call("POST", "/test/sink", token, "\"" + "x".repeat(512 * 1024) + "\"").status()).isEqualTo(200);
    }

    @Test
    void unexpectedExceptionIs500WithoutItsMessage() {
        JsonNode problem = problem(server.call("GET", "/test/boom", token, null), 500);
        assertThat(problem.get("detail").asText()).contains("reference");
        assertThat(problem.toString()).doesNotContain(TestEndpoints.PERSONAL_IN_EXCEPTION).doesNotContain("IllegalState");
    }

    @Test
    void problemExceptionKeepsItsStatusDetailAndRetryAfter() {
        Response response = server.call("GET", "/test/unavailable", token, null);
        JsonNode problem = problem(response, 503);
        assertThat(response.headers().firstValue("retry-after")).contains("7");
        assertThat(problem.get("detail").asText()).contains("retry with the same Idempotency-Key");
        assertThat(problem.get("type").asText()).isEqualTo("urn:casetrack:problem:unavailable");
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        Response response = server.call("GET", "/test/database-down", token, null);
        problem(response, 503);
        assertThat(response.headers().firstValue("retry-after")).contains("5");
    }

    @Test
    void headRequestsGetTheStatusWithoutABody() {
        Response response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/tokens"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void problemExceptionFactoriesCarryTheirStatus() {
        assertThat(List.of(ProblemException.badRequest("d", List.of(new FieldError("f", "m"))), ProblemException.notFound("d"),
                ProblemException.conflict("d"), ProblemException.unprocessable("d"), ProblemException.unavailable("d", 3)))
                .extracting(e -> e.problem().status())
                .containsExactly(400, 404, 409, 422, 503);
        assertThat(ProblemException.unavailable("d", 3).retryAfterSeconds()).hasValue(3);
        assertThat(ProblemException.conflict("secret detail").getMessage()).doesNotContain("secret detail");
    }
}
