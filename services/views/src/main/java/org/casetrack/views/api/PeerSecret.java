package org.casetrack.views.api;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.casetrack.views.config.ViewsSettings;

/**
 * What one views instance shows another so that the internal endpoints hand it exact counts for a
 * caller whose own answer will be suppressed. Never logged.
 */
@Singleton
public class PeerSecret {
    public static final String HEADER = "Casetrack-Views-Peer";
    private final String secret;

    public PeerSecret(ViewsSettings settings) {
        if (settings.peerSecret() != null && !settings.peerSecret().isBlank()) {
            secret = settings.peerSecret();
        } else {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
    }

    String value() {
        return secret;
    }

    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PeerSecret[hidden]";
    }
}
