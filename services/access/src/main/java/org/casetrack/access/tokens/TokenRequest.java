package org.casetrack.access.tokens;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;

/** The body of {@code POST /api/v1/tokens}; unknown fields are refused. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record TokenRequest(@Nullable String role, @Nullable String name, @Nullable String organisation,
                           @Nullable Instant expiresAt) {
    private static final int MAX_TEXT = 200;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@+-]+");

    /** @throws ProblemException 400 listing every invalid field */
    TokenRequest validated(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (role == null || role.isBlank()) {
            errors.add(new FieldError("role", "is required"));
        } else if (!Roles.isValid(role)) {
            errors.add(new FieldError("role", "must be coordinator, monitor, admin or embassy:<ISO 3166-1 alpha-2 code in upper case>"));
        }
        text("name", name, errors);
        if (name != null && !name.isBlank() && !NAME.matcher(name.strip()).matches()) {
            errors.add(new FieldError("name", "must be letters, digits and . _ @ + - only (it is part of the revocation path)"));
        }
        text("organisation", organisation, errors);
        if (expiresAt == null) {
            errors.add(new FieldError("expiresAt", "is required"));
        } else if (!expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The token request is invalid", errors);
        }
        return new TokenRequest(role, name.strip(), organisation.strip(), expiresAt);
    }

    private static void text(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }
}
