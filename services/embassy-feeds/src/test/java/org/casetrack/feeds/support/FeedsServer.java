package org.casetrack.feeds.support;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.devstack.TestScope;
import org.casetrack.feeds.topology.FeedStreams;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.crypto.MasterKey;
import org.casetrack.schemas.topics.Topics;

/**
 * The feeds (with access) in an embedded HTTP server on the test's own database, topic prefix and
 * application id; feeds for TH and VN; webhooks allowed to a local receiver over plain HTTP. Case
 * events are written to case-events as the ledger would write them.
 */
public final class FeedsServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final EmbeddedServer server;
    private final String adminToken;
    private final KafkaProducer<String, CaseEvent> producer;
    private final Topics topics;

    private FeedsServer(EmbeddedServer server, String adminToken, String bootstrapServers) {
        this.server = server;
        this.adminToken = adminToken;
        this.topics = server.getApplicationContext().getBean(ProvisionedTopics.class).topics();
        Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(),
                server.getApplicationContext().getBean(TopicSerdes.class).value(topics.caseEvents()).serializer());
    }

    public static Map<String, Object> properties(TestScope scope) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("database.url", scope.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("casetrack.master-key", MasterKey.generate().toBase64());
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        properties.put("casetrack.data-dir", "target/state-" + scope.id());
        properties.put("feeds.nationalities", List.of("TH", "VN"));
        properties.put("feeds.application-id", scope.applicationId("feeds"));
        properties.put("feeds.sse.heartbeat", "1s");
        properties.put("feeds.webhooks.allow-private-targets", true);
        properties.put("feeds.webhooks.allow-plain-http", true);
        return properties;
    }

    public static FeedsServer start(TestScope scope, Map<String, Object> overrides) {
        String adminToken = "admin-" + UUID.randomUUID();
        Map<String, Object> properties = properties(scope);
        properties.put("casetrack.admin-token", adminToken);
        properties.putAll(overrides);
        FeedsServer started = new FeedsServer(ApplicationContext.run(EmbeddedServer.class, properties), adminToken, scope.bootstrapServers());
        if (!started.bean(FeedStreams.class).app().orElseThrow().awaitRunning(Duration.ofSeconds(60))) {
            started.close();
            throw new IllegalStateException("The feeds topology did not reach RUNNING");
        }
        return started;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public Topics topics() {
        return topics;
    }

    public URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    /** Writes case events to case-events, keyed by case id, and waits for the broker's acknowledgement. */
    public void publish(CaseEvent... events) {
        try {
            for (CaseEvent event : events) {
                producer.send(new ProducerRecord<>(topics.caseEvents().name(), event.getMetadata().getAggregateId(), event))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write case events", e);
        }
    }

    public Response call(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Issues a token of this role through the Tokens API (as the admin) and returns its secret. */
    public String issue(String role) {
        String name = "t-" + UUID.randomUUID();
        Response response = call("POST", "/api/v1/tokens", adminToken, "{\"role\":\"" + role + "\",\"name\":\"" + name
                + "\",\"organisation\":\"Embassy test\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("Issuing a " + role + " token failed: " + response);
        }
        return response.json().get("token").asText();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        server.getApplicationContext().close();
    }
}
