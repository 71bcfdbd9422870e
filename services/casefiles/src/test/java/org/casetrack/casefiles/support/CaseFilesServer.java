package org.casetrack.casefiles.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.crypto.MasterKey;
import org.casetrack.schemas.crypto.PersonalDataCipher;

/**
 * The case files service as it runs: an HTTP server with access's beans and the projector, on the
 * test scope's broker and database (or another database), with its own admin token and master key.
 * Calls go through a plain JDK client, so tests see raw statuses, headers and bodies.
 */
public final class CaseFilesServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedServer server;
    private final String adminToken;

    private CaseFilesServer(EmbeddedServer server, String adminToken) {
        this.server = server;
        this.adminToken = adminToken;
    }

    public static Map<String, Object> properties(TestScope scope, String adminToken) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("database.url", scope.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("casetrack.admin-token", adminToken);
        properties.put("casetrack.master-key", MasterKey.generate().toBase64());
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        properties.put("casetrack.data-dir", "target/state-" + scope.id());
        return properties;
    }

    public static CaseFilesServer start(TestScope scope, Map<String, Object> overrides) {
        String adminToken = "admin-" + UUID.randomUUID();
        Map<String, Object> properties = properties(scope, adminToken);
        properties.putAll(overrides);
        return new CaseFilesServer(ApplicationContext.run(EmbeddedServer.class, properties), adminToken);
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public DerivedRows rows() {
        return new DerivedRows(bean(DataSource.class));
    }

    /** Seals personal data as intake does: the case's data key from the key store, the service's cipher. */
    public CaseScript.Sealer sealer() {
        PersonalDataCipher cipher = bean(PersonalDataCipher.class);
        DataKeyStore keys = bean(DataKeyStore.class);
        return (caseId, data) -> cipher.seal(data, keys.keyFor(caseId), caseId);
    }

    public EventLog eventLog() {
        return new EventLog(bean(KafkaSettings.class).bootstrapServers(), bean(ProvisionedTopics.class).topics(), bean(TopicSerdes.class));
    }

    /** A token of this role issued through the tokens API; its name is {@code name}. */
    public String issue(String role, String name, String organisation) {
        Response response = call("POST", "/api/v1/tokens", adminToken, "{\"role\":\"" + role + "\",\"name\":\"" + name
                + "\",\"organisation\":\"" + organisation + "\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("Issuing a " + role + " token failed: " + response);
        }
        return response.json().get("token").asText();
    }

    public String adminToken() {
        return adminToken;
    }

    public Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    public Response call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.headers().firstValue("retry-after").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String retryAfter, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (status " + status + "): " + body, e);
            }
        }
    }

    @Override
    public void close() {
        context().close();
    }
}
