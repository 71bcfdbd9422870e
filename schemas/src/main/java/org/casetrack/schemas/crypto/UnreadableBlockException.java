package org.casetrack.schemas.crypto;

/**
 * An encrypted block that fails authentication: the wrong key, or bytes altered after encryption.
 * The message names the key id only, never anything from the block.
 */
public class UnreadableBlockException extends RuntimeException {
    public UnreadableBlockException(String message, Throwable cause) {
        super(message, cause);
    }
}
