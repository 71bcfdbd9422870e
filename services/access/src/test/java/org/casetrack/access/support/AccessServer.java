package org.casetrack.access.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casetrack.access.auth.TokenSecrets;
import org.casetrack.devstack.TestScope;
import org.casetrack.schemas.crypto.MasterKey;

/**
 * An embedded HTTP server with access's beans on the test's own database, an admin token and a
 * master key of its own, and a plain JDK HTTP client (so tests see raw statuses and bodies).
 */
public final class AccessServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final EmbeddedServer server;
    private final String adminToken;

    private AccessServer(EmbeddedServer server, String adminToken) {
        this.server = server;
        this.adminToken = adminToken;
    }

    /** The settings a service needs for access, on this scope's database and broker. */
    public static Map<String, Object> properties(TestScope scope, String adminToken, String masterKeyBase64) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("database.url", scope.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("casetrack.admin-token", adminToken);
        properties.put("casetrack.master-key", masterKeyBase64);
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        properties.put("casetrack.test.endpoints", "true");
        return properties;
    }

    public static AccessServer start(TestScope scope) {
        return start(scope, Map.of());
    }

    public static AccessServer start(TestScope scope, Map<String, Object> overrides) {
        String adminToken = Planted.token(TokenSecrets.generate());
        String masterKey = Planted.value(MasterKey.generate().toBase64());
        Map<String, Object> properties = properties(scope, adminToken, masterKey);
        properties.putAll(overrides);
        return new AccessServer(ApplicationContext.run(EmbeddedServer.class, properties), adminToken);
    }

    public String adminToken() {
        return adminToken;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public Response call(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    /** Issues a token of this role through the API (as the admin) and returns its secret. */
    public String issue(String role) {
        return issue(role, "t-" + UUID.randomUUID(), Instant.now().plus(Duration.ofHours(1)));
    }

    public String issue(String role, String name, Instant expiresAt) {
        Response response = call("POST", "/api/v1/tokens", adminToken, tokenRequest(role, name, "IOM Cambodia", expiresAt));
        if (response.status() != 201) {
            throw new IllegalStateException("Issuing a " + role + " token failed: " + response);
        }
        JsonNode json = response.json();
        return Planted.token(json.get("token").asText());
    }

    public static String tokenRequest(String role, String name, String organisation, Instant expiresAt) {
        return "{\"role\":\"" + role + "\",\"name\":\"" + name + "\",\"organisation\":\"" + organisation
                + "\",\"expiresAt\":\"" + expiresAt + "\"}";
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
