package org.casetrack.access.auth;

import io.micronaut.security.authentication.Authentication;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, from the token alone: controllers take {@link Authentication} as a parameter
 * and call {@link #from(Authentication)}. The principal and organisation of every command come
 * from here, never from the request body.
 *
 * @param principal      the token's name: one person
 * @param organisation   the organisation the token was issued for
 * @param role           the issued role ({@code coordinator}, {@code monitor}, {@code admin}, {@code embassy:TH})
 * @param embassyCountry the embassy's country, for embassy tokens
 */
public record Caller(String principal, String organisation, String role, Optional<String> embassyCountry) {
    public static final String ORGANISATION = "organisation";
    public static final String ROLE = "role";

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(embassyCountry, "embassyCountry");
    }

    /** @throws IllegalStateException when the authentication did not come from a casetrack token */
    public static Caller from(Authentication authentication) {
        Object organisation = authentication.getAttributes().get(ORGANISATION);
        Object role = authentication.getAttributes().get(ROLE);
        if (!(organisation instanceof String org) || !(role instanceof String r)) {
            throw new IllegalStateException("The authentication carries no casetrack organisation and role");
        }
        return new Caller(authentication.getName(), org, r, Roles.embassyCountry(r));
    }

    public boolean isCoordinator() {
        return Roles.COORDINATOR.equals(role);
    }

    public boolean isMonitor() {
        return Roles.MONITOR.equals(role);
    }

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }

    public boolean isEmbassy() {
        return embassyCountry.isPresent();
    }
}
