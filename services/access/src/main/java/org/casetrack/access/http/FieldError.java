package org.casetrack.access.http;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One invalid field of a request: its path ({@code persons[3].nationality}) and what is wrong with
 * it. The message never repeats the value, which could be personal data.
 */
@Serdeable
public record FieldError(String field, String message) {
}
