package org.casetrack.access.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem, the body of every error response ({@code application/problem+json}).
 * {@code detail} is written for the caller and never carries an exception message or a value
 * from the request, since either could hold personal data.
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9457: no more specific type than the status itself. */
    public static final String GENERIC = "about:blank";
    private static final String TYPE_PREFIX = "urn:casetrack:problem:";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem whose type is just its status, titled with the status's reason phrase. */
    public static Problem of(HttpStatus status, @Nullable String detail) {
        return new Problem(GENERIC, status.getReason(), status.getCode(), detail, List.of());
    }

    /** A problem of a named casetrack type ({@code urn:casetrack:problem:<slug>}). */
    public static Problem typed(String slug, HttpStatus status, @Nullable String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + slug, status.getReason(), status.getCode(), detail, errors);
    }
}
