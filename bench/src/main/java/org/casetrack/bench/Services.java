package org.casetrack.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.casetrack.bench.data.ReportBodies;
import org.casetrack.bench.load.Api;
import org.casetrack.devstack.ApiClient;
import org.casetrack.schemas.crypto.MasterKey;

/**
 * intake, the ledger, views, casefiles and access in one Micronaut context with one HTTP server, on
 * the given infrastructure, as services/standalone runs them; every setting at its default except
 * where the infrastructure is.
 */
public final class Services implements AutoCloseable {
    private final EmbeddedServer server;
    private final Api coordinator;

    private Services(EmbeddedServer server, Api coordinator) {
        this.server = server;
        this.coordinator = coordinator;
    }

    public static Services start(Infrastructure infra) {
        return start(infra, false);
    }

    /** @param jdkHttpClient load through the JDK's HttpClient rather than {@code Http1Client} (see {@link Api}) */
    public static Services start(Infrastructure infra, boolean jdkHttpClient) {
        String adminToken = "bench-admin-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("kafka.bootstrap-servers", infra.bootstrapServers());
        properties.put("casetrack.topic-prefix", infra.topicPrefix());
        properties.put("casetrack.data-dir", infra.workDir().resolve("state").toString());
        properties.put("database.url", infra.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("casetrack.admin-token", adminToken);
        properties.put("casetrack.master-key", MasterKey.generate().toBase64());
        properties.put("views.peer-secret", "bench-" + UUID.randomUUID());
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        try {
            String url = server.getURL().toString();
            String token = new ApiClient(url).issueToken(adminToken, "coordinator", "bench-coordinator-" + UUID.randomUUID(),
                    "Bench Org (invented)");
            return new Services(server, new Api(url, token, jdkHttpClient));
        } catch (RuntimeException e) {
            server.getApplicationContext().close();
            throw e;
        }
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public String url() {
        return server.getURL().toString();
    }

    /** A client with a coordinator's token (exact counts, may report). */
    public Api coordinator() {
        return coordinator;
    }

    /** Discovers {@code count} compounds over HTTP and waits until the views list them all; answers their ids. */
    public List<String> discoverCompounds(int count, LocalDate today) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] body = ReportBodies.compound(i, today);
                ids.add(pool.submit(() -> {
                    Api.Reply reply = coordinator.post("/api/v1/compounds", body);
                    if (reply.status() != 201) {
                        throw new IllegalStateException("Compound not discovered: HTTP " + reply.status());
                    }
                    return reply.json().get("compoundId").asText();
                }));
            }
            List<String> compoundIds = new ArrayList<>();
            for (Future<String> id : ids) {
                compoundIds.add(id.get());
            }
            Awaitility.await("views list every compound").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> knownCompounds() >= count);
            return compoundIds;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Discovering compounds failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private int knownCompounds() throws Exception {
        Api.Reply reply = coordinator.get("/api/v1/compounds");
        if (reply.status() != 200) {
            return 0;
        }
        var json = reply.json();
        var list = json.isArray() ? json : json.path("compounds");
        return list.size();
    }

    @Override
    public void close() {
        coordinator.close();
        server.getApplicationContext().close();
    }
}
