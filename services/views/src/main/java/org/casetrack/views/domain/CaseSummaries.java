package org.casetrack.views.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.Gender;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.Whereabouts;

/**
 * Folds a case's events into the few clear facts its counts need: {@code (summary, event) -> summary}.
 * An event that changes none of them (screening, assistance, consent, erasure, a referral that leaves
 * the whereabouts, a repeated closing ...) gives back the very summary it was applied to, so the caller
 * can tell at once that there is nothing to store and nothing to count; every other event gives a new
 * summary one version on.
 */
public final class CaseSummaries {
    /** The defaults, computed once: a builder computes (and deep-copies) every default on each build. */
    private static final CaseSummary DEFAULTS = CaseSummary.newBuilder().build();

    private CaseSummaries() {
    }

    public static CaseSummary empty() {
        return copy(DEFAULTS);
    }

    /**
     * A shallow copy through the all-args constructor (a schema change that adds a field fails to
     * compile here). Every field is immutable but the list of arrest dates, which changes replace.
     */
    private static CaseSummary copy(CaseSummary s) {
        return new CaseSummary(s.getOpened(), s.getCompoundId(), s.getNationality(), s.getLifecycle(), s.getLifecycleBeforeClosing(),
                s.getWhereabouts(), s.getIntendsToReturn(), s.getEscapedOn(), s.getRepatriatedOn(), s.getArrestedOn(), s.getMinor(),
                s.getGender(), s.getAgeBand(), s.getVersion());
    }

    /** @return {@code current} itself (null for a case not seen yet) when the event changes nothing the counts read */
    public static CaseSummary apply(CaseSummary current, CaseEvent event) {
        Object payload = event.getPayload();
        Consumer<CaseSummary> change = change(payload);
        boolean opened = current != null && current.getOpened();
        if (change == null || (!opened && !(payload instanceof EscapeReported))) {
            // a case's events follow its EscapeReported, before which nothing can be counted
            return current;
        }
        CaseSummary base = current == null ? DEFAULTS : current;
        CaseSummary next = copy(base);
        change.accept(next);
        if (next.equals(base)) {
            return current;
        }
        next.setVersion(base.getVersion() + 1);
        return next;
    }

    /** What an event of this kind does to a summary; null for the kinds that never change one. */
    private static Consumer<CaseSummary> change(Object payload) {
        if (payload instanceof EscapeReported e) {
            return s -> opened(s, e);
        } else if (payload instanceof CaseCompoundIdentified e) {
            return s -> s.setCompoundId(blankToNull(e.getCompoundId()));
        } else if (payload instanceof ArrestReported e) {
            return s -> {
                s.setWhereabouts(e.getDetentionType() == DetentionType.IMMIGRATION
                        ? Whereabouts.IMMIGRATION_DETENTION : Whereabouts.CRIMINAL_DETENTION);
                List<LocalDate> arrests = new ArrayList<>(s.getArrestedOn());
                arrests.add(e.getArrestedOn());
                s.setArrestedOn(arrests);
            };
        } else if (payload instanceof DetentionEnded e) {
            return s -> detentionEnded(s, e.getOutcome());
        } else if (payload instanceof RepatriationCompleted e) {
            return s -> {
                s.setLifecycle(Lifecycle.REPATRIATED);
                s.setWhereabouts(Whereabouts.RETURNED);
                s.setRepatriatedOn(e.getRepatriatedOn());
            };
        } else if (payload instanceof CaseClosed) {
            return s -> {
                if (s.getLifecycle() != Lifecycle.CLOSED) {
                    s.setLifecycleBeforeClosing(s.getLifecycle());
                }
                s.setLifecycle(Lifecycle.CLOSED);
            };
        } else if (payload instanceof CaseReopened) {
            return s -> {
                if (s.getLifecycle() == Lifecycle.CLOSED) {
                    s.setLifecycle(s.getLifecycleBeforeClosing() == null ? Lifecycle.OPEN : s.getLifecycleBeforeClosing());
                    s.setLifecycleBeforeClosing(null);
                }
            };
        } else if (payload instanceof ReferralMade e) {
            return s -> {
                if (e.getWhereabouts() != null && e.getWhereabouts() != Whereabouts.UNKNOWN) {
                    s.setWhereabouts(e.getWhereabouts());
                }
            };
        } else if (payload instanceof CaseDetailsCorrected e) {
            return s -> corrected(s, e.getField(), e.getValue());
        }
        return null;
    }

    private static void opened(CaseSummary s, EscapeReported e) {
        s.setOpened(true);
        s.setCompoundId(e.getCompoundUnknown() ? null : blankToNull(e.getCompoundId()));
        s.setNationality(nationality(e.getNationality()));
        s.setLifecycle(Lifecycle.OPEN);
        s.setLifecycleBeforeClosing(null);
        s.setWhereabouts(e.getWhereabouts());
        s.setIntendsToReturn(e.getIntendsToReturn());
        s.setEscapedOn(e.getEscapedOn());
        s.setMinor(e.getMinor());
        s.setGender(e.getGender());
        s.setAgeBand(e.getAgeBand());
    }

    /** CHARGED and TRANSFERRED keep the person detained; RELEASED, DEPORTED and UNKNOWN end the detention. */
    private static void detentionEnded(CaseSummary s, DetentionOutcome outcome) {
        if (!Counting.isDetained(s.getWhereabouts())) {
            return;
        }
        switch (outcome) {
            case CHARGED, TRANSFERRED -> { }
            case DEPORTED -> s.setWhereabouts(Whereabouts.IN_TRANSIT);
            default -> s.setWhereabouts(Whereabouts.UNKNOWN);
        }
    }

    /** Corrections of clear fields; a value that does not parse leaves the field as it was (the ledger validates them). */
    private static void corrected(CaseSummary s, String field, String value) {
        switch (field) {
            case "nationality" -> {
                if (value != null && !value.isBlank()) {
                    s.setNationality(nationality(value));
                }
            }
            case "compoundId" -> s.setCompoundId(blankToNull(value));
            case "escapedOn" -> {
                LocalDate date = date(value);
                if (date != null) {
                    s.setEscapedOn(date);
                }
            }
            case "intendsToReturn" -> bool(value, s::setIntendsToReturn);
            case "minor" -> bool(value, s::setMinor);
            case "gender" -> s.setGender(enumValue(Gender.class, value, Gender.UNKNOWN));
            case "ageBand" -> s.setAgeBand(enumValue(AgeBand.class, value, AgeBand.UNKNOWN));
            default -> { }
        }
    }

    private static String nationality(String code) {
        return code == null || code.isBlank() ? Counting.UNKNOWN_NATIONALITY : code.trim().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void bool(String value, java.util.function.Consumer<Boolean> setter) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            setter.accept(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, E fallback) {
        try {
            return value == null ? fallback : Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
