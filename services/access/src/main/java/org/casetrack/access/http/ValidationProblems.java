package org.casetrack.access.http;

import io.micronaut.http.HttpStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/** Bean-validation failures as a 400 problem, one {@link FieldError} per violated constraint. */
final class ValidationProblems {
    private ValidationProblems() {
    }

    static Problem of(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Problem.typed("invalid-request", HttpStatus.BAD_REQUEST, "Some fields are invalid", errors);
    }

    /**
     * The path as the client wrote it: {@code create.body.persons[0].nationality} (method,
     * argument, properties) becomes {@code persons[0].nationality}; a violation on the argument
     * itself is named after the argument.
     */
    static String field(ConstraintViolation<?> violation) {
        String argument = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> argument = node.getName();
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.getIndex() != null && !field.isEmpty()) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && !node.getName().isEmpty()) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                    // the method, constructor or return value: not something the client sent
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return argument != null ? argument : "request";
    }
}
