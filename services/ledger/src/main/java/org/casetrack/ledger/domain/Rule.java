package org.casetrack.ledger.domain;

import org.casetrack.avro.Rejection;

/**
 * The rules a command can break: the stable code intake and clients see, and the HTTP status intake
 * answers with. Messages name the rule and the field, never a value (a value could be personal).
 */
public enum Rule {
    UNKNOWN_CASE(404),
    CASE_EXISTS(409),
    /** 422 for a case command naming a compound still unknown after the grace; 404 for a compound command. */
    UNKNOWN_COMPOUND(422),
    COMPOUND_EXISTS(409),
    ALREADY_REPATRIATED(409),
    CASE_CLOSED(409),
    NOT_CLOSED(409),
    NOT_DETAINED(409),
    ALREADY_DETAINED(409),
    DATE_IN_FUTURE(422),
    DATE_OUT_OF_ORDER(422),
    INVALID_CORRECTION(422),
    EXPIRED(503),
    IDEMPOTENCY_KEY_REUSED(422),
    INVALID_COMMAND(422),
    /** The ledger failed on this command (a defect): not remembered, so a fixed ledger can decide a retry. */
    LEDGER_ERROR(500);

    private final int httpStatus;

    Rule(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Rejection reject(String field, String message) {
        return reject(httpStatus, field, message);
    }

    public Rejection reject(int status, String field, String message) {
        return Rejection.newBuilder().setCode(name()).setHttpStatus(status).setMessage(message).setField(field).build();
    }

    /**
     * Whether a rejection under this rule is kept as the command's outcome. An expired command, a reused
     * key and a ledger failure say nothing about the command itself: a retry with the same id is decided anew
     * (and a reused key must not overwrite the original outcome).
     */
    public static boolean isRemembered(Rejection rejection) {
        String code = rejection.getCode();
        return !EXPIRED.name().equals(code) && !IDEMPOTENCY_KEY_REUSED.name().equals(code) && !LEDGER_ERROR.name().equals(code);
    }
}
