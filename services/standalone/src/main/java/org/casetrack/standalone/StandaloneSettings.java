package org.casetrack.standalone;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the standalone launcher decides before any Micronaut context exists: where the data lives,
 * which servers are embedded, which services run. Read from environment variables; everything a
 * service reads itself (CASETRACK_ZONE, INTAKE_*, ...) stays with Micronaut's own environment mapping.
 *
 * @param dataDir           CASETRACK_DATA_DIR (./data): the embedded broker, database and Streams state
 * @param kafkaPort         CASETRACK_KAFKA_PORT (9092): the embedded broker's port
 * @param postgresPort      CASETRACK_POSTGRES_PORT (0: the port used last time on this data directory, or a free one)
 * @param bootstrapServers  KAFKA_BOOTSTRAP_SERVERS: an external cluster instead of the embedded broker
 * @param databaseUrl       DATABASE_URL: an external PostgreSQL instead of the embedded one
 * @param adminToken        CASETRACK_ADMIN_TOKEN: the admin token; generated (and printed) when unset
 * @param masterKeyGiven    CASETRACK_MASTER_KEY or CASETRACK_MASTER_KEY_FILE is set
 * @param services          CASETRACK_SERVICES (all): the services this process runs (compose runs one per container)
 */
public record StandaloneSettings(Path dataDir, int kafkaPort, int postgresPort, Optional<String> bootstrapServers,
                                 Optional<String> databaseUrl, Optional<String> adminToken, boolean masterKeyGiven,
                                 Set<String> services) {

    /** The services of casetrack, by the prefix of their settings ({@code <service>.enabled}). */
    public static final List<String> ALL_SERVICES = List.of("intake", "ledger", "views", "casefiles", "feeds");

    /**
     * The environment variables the launcher itself reads, with CASETRACK_HTTP_PORT (application.yml)
     * and CASETRACK_LOG_FORMAT (logback.xml); every other setting is a {@code @ConfigurationProperties} record's.
     */
    public static final List<String> VARIABLES = List.of("CASETRACK_DATA_DIR", "CASETRACK_KAFKA_PORT", "CASETRACK_POSTGRES_PORT",
            "KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL", "CASETRACK_ADMIN_TOKEN", "CASETRACK_MASTER_KEY", "CASETRACK_MASTER_KEY_FILE",
            "CASETRACK_SERVICES", "CASETRACK_HTTP_PORT", "CASETRACK_LOG_FORMAT");

    public static StandaloneSettings from(Map<String, String> env) {
        Path dataDir = Path.of(value(env, "CASETRACK_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
        return new StandaloneSettings(dataDir,
                port(env, "CASETRACK_KAFKA_PORT", 9092),
                port(env, "CASETRACK_POSTGRES_PORT", 0),
                value(env, "KAFKA_BOOTSTRAP_SERVERS"),
                value(env, "DATABASE_URL"),
                value(env, "CASETRACK_ADMIN_TOKEN"),
                value(env, "CASETRACK_MASTER_KEY").or(() -> value(env, "CASETRACK_MASTER_KEY_FILE")).isPresent(),
                services(value(env, "CASETRACK_SERVICES").orElse("all")));
    }

    /**
     * The master key file when none is configured: beside the data directory, never inside it, so a
     * copy or backup of the data does not carry the key that opens it ({@code ./data} -> {@code ./data.master-key}).
     */
    public Path defaultMasterKeyFile() {
        if (dataDir.getParent() == null) {
            throw new IllegalArgumentException("CASETRACK_DATA_DIR may not be the root directory");
        }
        return dataDir.resolveSibling(dataDir.getFileName() + ".master-key");
    }

    static Set<String> services(String list) {
        Set<String> chosen = new TreeSet<>();
        for (String raw : list.split(",")) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                chosen.addAll(ALL_SERVICES);
            } else if (name.equals("embassy-feeds")) {
                chosen.add("feeds");
            } else if (ALL_SERVICES.contains(name)) {
                chosen.add(name);
            } else if (!name.isEmpty()) {
                throw new IllegalArgumentException("CASETRACK_SERVICES names '" + raw.strip() + "'; the services are "
                        + String.join(", ", ALL_SERVICES) + " (or all)");
            }
        }
        return Set.copyOf(chosen);
    }

    /** {@code <service>.enabled=false} for every service this process does not run. */
    public Map<String, Object> serviceSwitches() {
        return ALL_SERVICES.stream().filter(s -> !services.contains(s))
                .collect(Collectors.toMap(s -> s + ".enabled", s -> (Object) "false"));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (0 to 65535), not '" + text.get() + "'");
        }
    }

    @Override
    public String toString() {
        return "StandaloneSettings[dataDir=" + dataDir + ", kafkaPort=" + kafkaPort + ", external kafka="
                + bootstrapServers.isPresent() + ", external database=" + databaseUrl.isPresent() + ", services=" + services
                + ", adminToken=" + (adminToken.isPresent() ? "(set)" : "(generated)") + "]";
    }

    static String usage() {
        return "usage: java -jar casetrack.jar [--demo]\n  --demo  load the sample scenario (idempotent) once casetrack is ready";
    }

    static boolean demoRequested(String[] args) {
        for (String arg : args) {
            if (!Arrays.asList("--demo", "--help", "-h").contains(arg)) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'\n" + usage());
            }
        }
        return Arrays.asList(args).contains("--demo");
    }
}
