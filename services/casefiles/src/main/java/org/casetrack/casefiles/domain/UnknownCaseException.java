package org.casetrack.casefiles.domain;

/** A case event arrived for a case that was never opened: the record cannot be applied and goes to the dead letters. */
public class UnknownCaseException extends RuntimeException {
    public UnknownCaseException(String caseId, long sequence) {
        super("Case event at sequence " + sequence + " for case " + caseId + ", which has no EscapeReported");
    }
}
