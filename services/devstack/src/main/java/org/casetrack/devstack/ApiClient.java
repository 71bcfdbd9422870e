package org.casetrack.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A plain HTTP client for tests and tools that talk to casetrack's API as any client would:
 * JSON in and out, a bearer token, optional Idempotency-Key, status codes as they come.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A response: status, headers and the body (parsed as JSON when it is JSON). */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (status " + status + "): " + text, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Reply post(String path, String token, Object body) {
        return post(path, token, null, body);
    }

    public Reply post(String path, String token, String idempotencyKey, Object body) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder.build());
    }

    public Reply postBytes(String path, String token, byte[] body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Only the status of a GET, without reading the body (for streams that never end). */
    public int statusOf(String path, String token) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Creates a token with the admin token and returns its secret. */
    public String issueToken(String adminToken, String role, String name, String organisation) {
        Reply reply = post("/api/v1/tokens", adminToken, Map.of("role", role, "name", name, "organisation", organisation,
                "expiresAt", java.time.Instant.now().plus(Duration.ofDays(1)).toString()));
        if (reply.status() != 201) {
            throw new IllegalStateException("Token not issued: " + reply.status() + " " + reply.text());
        }
        return reply.json().get("token").asText();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
