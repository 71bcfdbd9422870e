package org.casetrack.ledger.domain;

import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.casetrack.avro.Rejection;

/** Small checks the deciders chain: each answers null when the command passes, or the rejection. */
final class Checks {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Checks() {
    }

    /** The first rejection of the checks, in order, or null when all pass. */
    @SafeVarargs
    static Rejection first(Supplier<Rejection>... checks) {
        for (Supplier<Rejection> check : checks) {
            Rejection rejection = check.get();
            if (rejection != null) {
                return rejection;
            }
        }
        return null;
    }

    /** A world date (when something happened) may not be after today in the latest zone on earth. */
    static Rejection notInFuture(LocalDate date, String field, DecisionContext context) {
        return date != null && date.isAfter(context.latestToday())
                ? Rule.DATE_IN_FUTURE.reject(field, field + " is in the future") : null;
    }

    /** A date may not come before an earlier fact of the record (named in the message, never its value). */
    static Rejection notBefore(LocalDate date, LocalDate earliest, String field, String earlierFact) {
        return date != null && earliest != null && date.isBefore(earliest)
                ? Rule.DATE_OUT_OF_ORDER.reject(field, field + " is before " + earlierFact) : null;
    }

    static Rejection required(Object value, String field) {
        boolean missing = value == null || (value instanceof CharSequence text && text.toString().isBlank());
        return missing ? Rule.INVALID_COMMAND.reject(field, field + " is required") : null;
    }

    /** ISO 3166-1 alpha-2, upper case; XX stands for "unknown". */
    static Rejection country(String code, String field) {
        return code == null || !COUNTRY.matcher(code).matches()
                ? Rule.INVALID_COMMAND.reject(field, field + " must be an ISO 3166-1 alpha-2 code") : null;
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRY.matcher(code).matches();
    }

    static Rejection known(Enum<?> value, String field) {
        return value == null || "UNKNOWN".equals(value.name())
                ? Rule.INVALID_COMMAND.reject(field, field + " is required") : null;
    }
}
