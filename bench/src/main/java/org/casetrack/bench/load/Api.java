package org.casetrack.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * casetrack's HTTP API as a client tool calls it: HTTP/1.1 with keep-alive, a bearer token, JSON.
 * One instance is shared by every worker of a phase. By default the calls go through
 * {@link Http1Client} (blocking keep-alive connections, one request at a time each, shared by the
 * workers); {@code jdk} uses the JDK's HttpClient instead, which pools connections itself and costs
 * the shared machine more CPU.
 */
public final class Api implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 30_000;
    /** Well inside the idle timeout of Micronaut's server (5 minutes), which closes a connection idle longer. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String token;
    private final HttpClient jdk;
    private final Http1Client plain;

    public Api(String baseUrl, String token, boolean jdkClient) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.jdk = jdkClient ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
                : null;
        this.plain = jdkClient ? null : new Http1Client(URI.create(this.baseUrl), "Authorization: Bearer " + token + "\r\n", TIMEOUT_MILLIS,
                MAX_IDLE);
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (status " + status + ")", e);
            }
        }
    }

    public Reply post(String path, byte[] body) throws IOException, InterruptedException {
        if (plain != null) {
            Http1Client.Response response = plain.post(path, body);
            return new Reply(response.status(), new String(response.body(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = jdk.send(postRequest(path, body), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** A POST whose answer body is not needed: only the status is kept. */
    public int postStatus(String path, byte[] body) throws IOException, InterruptedException {
        if (plain != null) {
            return plain.post(path, body).status();
        }
        return jdk.send(postRequest(path, body), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public Reply get(String path) throws IOException, InterruptedException {
        if (plain != null) {
            Http1Client.Response response = plain.get(path);
            return new Reply(response.status(), new String(response.body(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = jdk.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    public int getStatus(String path) throws IOException, InterruptedException {
        if (plain != null) {
            return plain.get(path).status();
        }
        return jdk.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest postRequest(String path, byte[] body) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        if (plain != null) {
            plain.close();
        }
    }
}
