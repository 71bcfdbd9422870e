package org.casetrack.access.disclosure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the disclosure log: who (principal and organisation, from the token) did what
 * about which case, why, and when. {@code what} names what was disclosed (fields, categories,
 * a feed offset), never the personal data itself.
 *
 * @param action one of the constants below
 */
@Serdeable
public record Disclosure(Instant at, String principal, String organisation, String action, String caseId,
                         @Nullable String what, @Nullable String why) {
    public static final String READ = "READ";
    public static final String SEARCH = "SEARCH";
    public static final String LIST = "LIST";
    public static final String FEED = "FEED";
    public static final String WEBHOOK = "WEBHOOK";
    public static final String EXPORT = "EXPORT";
    public static final String KEY_DESTROYED = "KEY_DESTROYED";

    public Disclosure {
        Objects.requireNonNull(at, "at");
        requireText(principal, "principal");
        requireText(organisation, "organisation");
        requireText(action, "action");
        requireText(caseId, "caseId");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A disclosure needs its " + name);
        }
    }
}
