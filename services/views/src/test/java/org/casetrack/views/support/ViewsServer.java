package org.casetrack.views.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.casetrack.devstack.TestScope;
import org.casetrack.views.config.GenerationApp;
import org.casetrack.views.config.ViewsService;

/** A views instance with its HTTP server on the shared test infrastructure; each instance keeps its own state directory. */
public final class ViewsServer implements AutoCloseable {
    public static final String PEER_SECRET = "test-peer-secret";

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private ViewsServer(EmbeddedServer server) {
        this.server = server;
        this.context = server.getApplicationContext();
    }

    public static Map<String, Object> settings(TestScope scope, Keys keys) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("database.url", scope.jdbcUrl());
        properties.put("database.user", "postgres");
        properties.put("casetrack.admin-token", keys.adminToken());
        properties.put("casetrack.master-key", keys.masterKey());
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        properties.put("views.peer-secret", PEER_SECRET);
        // close quickly between tests; a test restart waits for nothing
        properties.put("views.close-timeout", "PT10S");
        properties.put("kafka.streams.views.session.timeout.ms", "10000");
        return properties;
    }

    public static ViewsServer start(TestScope scope, Keys keys, String instance) {
        Map<String, Object> properties = settings(scope, keys);
        properties.put("micronaut.server.port", -1);
        properties.put("casetrack.data-dir", "target/state/" + scope.id() + "/" + instance);
        return new ViewsServer(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public String url() {
        return server.getURL().toString();
    }

    public ApplicationContext context() {
        return context;
    }

    public GenerationApp generation() {
        return context.getBean(ViewsService.class).current().orElseThrow();
    }

    public boolean servesGeneration(int generation) {
        return context.getBean(ViewsService.class).current().map(g -> g.generation() == generation && g.isRunning()).orElse(false);
    }

    public boolean isRunning() {
        return context.getBean(ViewsService.class).current().map(GenerationApp::isRunning).orElse(false);
    }

    public void awaitRunning() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).until(this::isRunning);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    /** The admin token and master key every instance of one test shares. */
    public record Keys(String adminToken, String masterKey) {
        public static Keys generate() {
            return new Keys("views-test-admin-" + java.util.UUID.randomUUID(), org.casetrack.schemas.crypto.MasterKey.generate().toBase64());
        }
    }
}
