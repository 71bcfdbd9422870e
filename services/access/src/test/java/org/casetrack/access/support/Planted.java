package org.casetrack.access.support;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.casetrack.access.auth.TokenSecrets;

/** Secrets and personal strings the tests put into the system; none may appear in any log line. */
public final class Planted {
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private Planted() {
    }

    public static String value(String value) {
        VALUES.add(value);
        return value;
    }

    /** A token secret and the forms of its hash that could be logged. */
    public static String token(String secret) {
        byte[] hash = TokenSecrets.hash(secret);
        VALUES.add(secret);
        VALUES.add(HexFormat.of().formatHex(hash));
        VALUES.add(Base64.getEncoder().encodeToString(hash));
        return secret;
    }

    public static Set<String> all() {
        return Set.copyOf(VALUES);
    }
}
