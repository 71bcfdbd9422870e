package org.casetrack.views.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the tests, as a dashboard or embassy would call the API. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    public record Response(int status, String contentType, JsonNode body, String retryAfter) {
    }

    public static Response get(String baseUrl, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public static Response post(String baseUrl, String path, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Issues a token through the access module's API with the admin token. */
    public static String token(String baseUrl, String adminToken, String role, String name) {
        Response r = post(baseUrl, "/api/v1/tokens", adminToken, "{\"role\":\"" + role + "\",\"name\":\"" + name
                + "\",\"organisation\":\"test-org\",\"expiresAt\":\"" + java.time.Instant.now().plus(Duration.ofDays(1)) + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("Token not issued: " + r.status() + " " + r.body());
        }
        return r.body().get("token").asText();
    }
}
