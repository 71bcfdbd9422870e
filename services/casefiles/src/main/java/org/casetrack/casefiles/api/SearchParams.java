package org.casetrack.casefiles.api;

import io.micronaut.http.HttpParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.casetrack.access.http.FieldError;
import org.casetrack.access.http.ProblemException;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.ServiceType;
import org.casetrack.casefiles.store.SearchCriteria;

/**
 * Reads and checks the query of {@code GET /api/v1/cases}. Every invalid parameter is named in one
 * 400 problem; no message repeats a value (a search text can hold a name).
 */
final class SearchParams {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_TEXT = 200;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<Lifecycle> LIFECYCLES = EnumSet.of(Lifecycle.OPEN, Lifecycle.REPATRIATED, Lifecycle.CLOSED);

    private final HttpParameters parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private SearchParams(HttpParameters parameters) {
        this.parameters = parameters;
    }

    /** @throws ProblemException 400 naming every invalid parameter */
    static SearchCriteria parse(HttpParameters parameters) {
        SearchParams p = new SearchParams(parameters);
        Optional<String> nationality = p.value("nationality").filter(v -> p.check(COUNTRY.matcher(v).matches(), "nationality",
                "must be an ISO 3166-1 alpha-2 code in upper case (XX when unknown)"));
        Optional<Lifecycle> lifecycle = p.value("lifecycle").flatMap(v -> p.lifecycle(v));
        Optional<String> compoundId = p.value("compoundId").filter(v -> p.check(v.length() <= 100 && isPrintable(v), "compoundId",
                "must be at most 100 printable characters"));
        Optional<LocalDate> from = p.value("escapedFrom").flatMap(v -> p.date("escapedFrom", v));
        Optional<LocalDate> to = p.value("escapedTo").flatMap(v -> p.date("escapedTo", v));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            p.errors.add(new FieldError("escapedTo", "must not be before escapedFrom"));
        }
        List<ServiceType> needs = p.needs();
        Optional<String> text = p.value("q").map(String::strip).filter(v -> p.check(!v.isEmpty() && v.length() <= MAX_TEXT
                && isPrintable(v), "q", "must be 1 to " + MAX_TEXT + " printable characters"));
        int page = p.number("page", 0, 0, MAX_PAGE);
        int size = p.number("size", DEFAULT_SIZE, 1, MAX_SIZE);
        if (!p.errors.isEmpty()) {
            throw ProblemException.badRequest("The search filters are invalid", p.errors);
        }
        return new SearchCriteria(nationality, lifecycle, compoundId, from, to, needs, text, Optional.empty(), page, size);
    }

    private Optional<String> value(String name) {
        List<String> all = parameters.getAll(name);
        if (all.size() > 1) {
            errors.add(new FieldError(name, "must be given once"));
            return Optional.empty();
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private boolean check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new FieldError(field, message));
        }
        return valid;
    }

    private Optional<Lifecycle> lifecycle(String value) {
        Optional<Lifecycle> found = LIFECYCLES.stream().filter(l -> l.name().equals(value)).findFirst();
        check(found.isPresent(), "lifecycle", "must be one of OPEN, REPATRIATED, CLOSED");
        return found;
    }

    private Optional<LocalDate> date(String field, String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (YYYY-MM-DD)"));
            return Optional.empty();
        }
    }

    /** {@code needs=MEDICAL,SHELTER} or the parameter repeated: cases with every one of them. */
    private List<ServiceType> needs() {
        List<ServiceType> needs = new ArrayList<>();
        for (String value : parameters.getAll("needs")) {
            for (String code : value.split(",", -1)) {
                Optional<ServiceType> need = Arrays.stream(ServiceType.values())
                        .filter(s -> s != ServiceType.UNKNOWN && s.name().equals(code.strip())).findFirst();
                if (need.isEmpty()) {
                    errors.add(new FieldError("needs", "must be service types such as MEDICAL, SHELTER, LEGAL, DOCUMENTATION"));
                    return List.of();
                }
                if (!needs.contains(need.get())) {
                    needs.add(need.get());
                }
            }
        }
        return needs;
    }

    private int number(String name, int fallback, int min, int max) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static boolean isPrintable(String value) {
        return value.chars().noneMatch(Character::isISOControl);
    }
}
