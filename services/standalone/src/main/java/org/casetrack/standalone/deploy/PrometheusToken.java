package org.casetrack.standalone.deploy;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.tokens.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus scrapes /prometheus with a monitor token of its own (never the admin token): issued by
 * the init step as {@value #NAME}, replacing the previous one, and written where only Prometheus
 * reads it. The secret is never logged.
 */
@Singleton
class PrometheusToken {
    static final String NAME = "prometheus";
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusToken.class);

    private final TokenStore tokens;
    private final DeploySettings settings;

    PrometheusToken(TokenStore tokens, DeploySettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    /** @return false when no token file is configured */
    boolean issue() {
        if (settings.prometheusTokenFile() == null || settings.prometheusTokenFile().isBlank()) {
            return false;
        }
        Path file = Path.of(settings.prometheusTokenFile()).toAbsolutePath();
        tokens.revoke(NAME);
        TokenStore.Issued issued = tokens.issue(NAME, Roles.MONITOR, "casetrack operations",
                Instant.now().plus(settings.prometheusTokenTtl()), "deploy");
        write(file, issued.secret());
        LOG.info("Issued the monitor token {} for Prometheus (expires {}) into {}", NAME, issued.token().expiresAt(), file);
        return true;
    }

    /** Written beside the file, then moved over it in one step, so Prometheus never reads half a token. */
    private static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(fresh);
            // Prometheus runs as another user than the init step: readable, on a volume only the two mount
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            Files.writeString(fresh, secret, StandardCharsets.US_ASCII);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Prometheus token to " + file, e);
        }
    }
}
