package org.casetrack.standalone;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.casetrack.access.auth.TokenSecrets;
import org.casetrack.standalone.api.OpenApiUi;
import org.casetrack.standalone.demo.DemoLoader;
import org.casetrack.standalone.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar casetrack.jar [--demo]}: every service of casetrack in one JVM, on the embedded
 * broker and PostgreSQL under CASETRACK_DATA_DIR (or on the servers KAFKA_BOOTSTRAP_SERVERS and
 * DATABASE_URL name). Prints {@code casetrack ready on http://...} and the admin token once every part
 * is up; Ctrl-C (SIGTERM) stops the services, then the embedded servers. Compose runs the same jar,
 * one service per container (CASETRACK_SERVICES), on its external servers.
 */
public final class Casetrack {
    private static final Logger LOG = LoggerFactory.getLogger(Casetrack.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private Casetrack() {
    }

    public static void main(String[] args) {
        StandaloneSettings settings;
        boolean demo;
        try {
            demo = StandaloneSettings.demoRequested(args);
            settings = StandaloneSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && !demo) {
            System.out.println(StandaloneSettings.usage());
            return;
        }
        run(settings, demo);
    }

    private static void run(StandaloneSettings settings, boolean demo) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            System.err.println("Cannot create the data directory " + settings.dataDir() + ": " + e.getClass().getSimpleName());
            System.exit(1);
        }
        LOG.info("Starting casetrack: {}", settings);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings);
        String adminToken = settings.adminToken().orElseGet(TokenSecrets::generate);
        ApplicationContext context;
        EmbeddedServer server;
        try {
            context = ApplicationContext.builder().mainClass(Casetrack.class)
                    .properties(properties(settings, infrastructure, adminToken)).start();
            server = context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            LOG.error("casetrack did not start", e);
            infrastructure.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, context, infrastructure), "casetrack-shutdown"));
        String url = "http://localhost:" + server.getPort();
        Readiness.await(context, PROGRESS_EVERY);
        System.out.println("casetrack ready on " + url + "  (" + infrastructure.describe() + ", data in " + settings.dataDir() + ")");
        System.out.println(settings.adminToken().isPresent() ? "admin token: the one in CASETRACK_ADMIN_TOKEN"
                : "admin token: " + adminToken + "  (new at every start; set CASETRACK_ADMIN_TOKEN to keep one)");
        if (demo) {
            new DemoLoader(url, adminToken, System.out).load();
        }
    }

    static Map<String, Object> properties(StandaloneSettings settings, EmbeddedInfrastructure infrastructure, String adminToken) {
        Map<String, Object> properties = new HashMap<>(infrastructure.properties());
        properties.put("casetrack.data-dir", settings.dataDir().toString());
        if (settings.adminToken().isEmpty()) {
            properties.put("casetrack.admin-token", adminToken);
        }
        if (!settings.masterKeyGiven()) {
            properties.put("casetrack.master-key-file", settings.defaultMasterKeyFile().toString());
        }
        properties.putAll(settings.serviceSwitches());
        properties.putAll(OpenApiUi.staticResources());
        return properties;
    }

    private static void stop(EmbeddedServer server, ApplicationContext context, EmbeddedInfrastructure infrastructure) {
        LOG.info("Stopping casetrack");
        try {
            if (server.isRunning()) {
                server.stop();
            }
            if (context.isRunning()) {
                context.close();
            }
        } catch (RuntimeException e) {
            LOG.error("Stopping the services failed", e);
        }
        infrastructure.close();
        System.out.println("casetrack stopped");
    }
}
