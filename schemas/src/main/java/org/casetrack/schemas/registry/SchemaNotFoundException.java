package org.casetrack.schemas.registry;

/** An id, subject or version the registry does not hold. */
public class SchemaNotFoundException extends RuntimeException {
    /** What is missing, with the Confluent error code for it. */
    public enum Missing {
        SUBJECT(40401), VERSION(40402), SCHEMA(40403);

        public final int errorCode;

        Missing(int errorCode) {
            this.errorCode = errorCode;
        }
    }

    private final Missing missing;

    public SchemaNotFoundException(Missing missing, String message) {
        super(message);
        this.missing = missing;
    }

    public Missing missing() {
        return missing;
    }
}
