package org.casetrack.platform.streams;

/**
 * A copy of an exception for logging that keeps the class names and stack frames of the whole
 * cause chain but drops every message: messages can quote record values, and records hold data
 * about people.
 */
public final class Redacted extends RuntimeException {
    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static Throwable of(Throwable original) {
        if (original == null) {
            return null;
        }
        return new Redacted(original, original.getCause() == original ? null : of(original.getCause()));
    }
}
