package org.casetrack.access.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a token can carry. An embassy token is issued as {@code embassy:<ISO2>} and
 * authenticates with both {@link #EMBASSY} and {@code embassy:<ISO2>}, so
 * {@code @Secured(Roles.EMBASSY)} admits any embassy and the country decides what it sees.
 */
public final class Roles {
    public static final String COORDINATOR = "coordinator";
    public static final String MONITOR = "monitor";
    public static final String ADMIN = "admin";
    public static final String EMBASSY = "embassy";

    private static final String EMBASSY_PREFIX = EMBASSY + ":";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Roles() {
    }

    /** True for coordinator, monitor, admin and embassy:<an upper-case ISO 3166-1 alpha-2 code>. */
    public static boolean isValid(String role) {
        if (role == null) {
            return false;
        }
        return switch (role) {
            case COORDINATOR, MONITOR, ADMIN -> true;
            default -> embassyCountry(role).isPresent();
        };
    }

    /** The country of an embassy role ({@code embassy:TH} -> TH); empty for other roles or an unknown code. */
    public static Optional<String> embassyCountry(String role) {
        if (role == null || !role.startsWith(EMBASSY_PREFIX)) {
            return Optional.empty();
        }
        String country = role.substring(EMBASSY_PREFIX.length());
        return country.length() == 2 && COUNTRIES.contains(country) ? Optional.of(country) : Optional.empty();
    }

    /** The roles a token of this role authenticates with. */
    public static List<String> granted(String role) {
        return embassyCountry(role).isPresent() ? List.of(EMBASSY, role) : List.of(role);
    }
}
