package org.casetrack.intake;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casetrack.devstack.ApiClient;
import org.casetrack.devstack.TestScope;
import org.casetrack.schemas.crypto.MasterKey;

/** Intake with access, and the real ledger behind it, on the shared infrastructure of one test class. */
final class IntakeStack implements AutoCloseable {
    static final String ORGANISATION = "IOM Cambodia";

    final EmbeddedServer server;
    final ApiClient api;
    final String admin = "admin-" + UUID.randomUUID();
    final String coordinator;

    private IntakeStack(TestScope scope, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("kafka.bootstrap-servers", scope.bootstrapServers());
        props.put("casetrack.topic-prefix", scope.topics().prefix());
        props.put("casetrack.data-dir", "target/state/" + scope.id() + "-" + UUID.randomUUID());
        props.put("database.url", scope.jdbcUrl());
        props.put("database.user", "postgres");
        props.put("casetrack.admin-token", admin);
        props.put("casetrack.master-key", MASTER_KEYS.computeIfAbsent(scope.id(), id -> MasterKey.generate().toBase64()));
        props.put("ledger.application-id", scope.applicationId("ledger"));
        props.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, props);
        this.api = new ApiClient(server.getURL().toString());
        this.coordinator = api.issueToken(admin, "coordinator", "coordinator-" + UUID.randomUUID(), ORGANISATION);
    }

    /** One master key per test class, so a restarted stack reads what the first one sealed. */
    private static final Map<String, String> MASTER_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    static IntakeStack start(TestScope scope) {
        return new IntakeStack(scope, Map.of());
    }

    static IntakeStack start(TestScope scope, Map<String, Object> extra) {
        return new IntakeStack(scope, extra);
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
