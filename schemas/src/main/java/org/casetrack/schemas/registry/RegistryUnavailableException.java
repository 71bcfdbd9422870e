package org.casetrack.schemas.registry;

/** The registry could not be reached or did not answer in time. */
public class RegistryUnavailableException extends RuntimeException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
