package org.casetrack.views.dashboard;

import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.casetrack.devstack.ApiClient;
import org.casetrack.devstack.TestScope;
import org.casetrack.views.config.GenerationApp;
import org.casetrack.views.config.ViewsService;
import org.casetrack.views.support.ViewsServer;

/**
 * What a field office runs, in one Micronaut context on the test's broker and database: intake
 * (with access) taking reports, the real ledger deciding them, and the views with the dashboard.
 */
final class DashboardStack implements AutoCloseable {
    static final String ORGANISATION = "IOM Cambodia";

    final EmbeddedServer server;
    final ApiClient api;
    final ViewsServer.Keys keys = ViewsServer.Keys.generate();

    private DashboardStack(TestScope scope, Map<String, Object> extra) {
        Map<String, Object> props = ViewsServer.settings(scope, keys);
        props.put("micronaut.server.port", -1);
        props.put("casetrack.data-dir", "target/state/" + scope.id() + "-" + UUID.randomUUID());
        props.put("ledger.application-id", scope.applicationId("ledger"));
        // the views module's tests switch intake and the ledger off (see its pom); this stack runs them
        props.put("intake.enabled", "true");
        props.put("ledger.enabled", "true");
        props.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, props);
        this.api = new ApiClient(url());
    }

    static DashboardStack start(TestScope scope) {
        return start(scope, Map.of());
    }

    static DashboardStack start(TestScope scope, Map<String, Object> extra) {
        return new DashboardStack(scope, extra);
    }

    String url() {
        return server.getURL().toString();
    }

    String token(String role) {
        return api.issueToken(keys.adminToken(), role, role.replace(':', '-') + "-" + UUID.randomUUID(), ORGANISATION);
    }

    void awaitViewsRunning() {
        await().atMost(Duration.ofSeconds(90)).until(() -> server.getApplicationContext().getBean(ViewsService.class).current()
                .map(GenerationApp::isRunning).orElse(false));
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
