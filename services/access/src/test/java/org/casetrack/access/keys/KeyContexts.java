package org.casetrack.access.keys;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casetrack.devstack.TestScope;
import org.casetrack.schemas.crypto.MasterKey;

/** Application contexts without an HTTP server, as a tool or a second instance would run the key store. */
final class KeyContexts {
    private KeyContexts() {
    }

    /** A new empty database on the test infrastructure, for a test that needs a key store of its own. */
    static String freshDatabase(TestScope scope) {
        String name = "k_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        scope.stack().database().createDatabase(name);
        return scope.stack().database().jdbcUrl(name);
    }

    static ApplicationContext with(TestScope scope, MasterKey master) {
        return with(scope, scope.jdbcUrl(), Map.of("casetrack.master-key", master.toBase64()));
    }

    static ApplicationContext with(TestScope scope, String jdbcUrl, MasterKey master) {
        return with(scope, jdbcUrl, Map.of("casetrack.master-key", master.toBase64()));
    }

    static ApplicationContext with(TestScope scope, String jdbcUrl, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("database.url", jdbcUrl);
        properties.put("database.user", "postgres");
        properties.put("kafka.bootstrap-servers", scope.bootstrapServers());
        properties.put("casetrack.topic-prefix", scope.topics().prefix());
        return ApplicationContext.run(properties);
    }
}
