package org.casetrack.access.keys;

/** The data keys were wrapped by another master key than the one configured. */
public class WrongMasterKeyException extends IllegalStateException {
    public WrongMasterKeyException(String wrappedBy, String configured) {
        super("The data keys were wrapped by master key " + wrappedBy + ", but the configured master key is " + configured
                + ": set CASETRACK_MASTER_KEY (or CASETRACK_MASTER_KEY_FILE) to the master key that wrapped them,"
                + " or to the new one if a rotation to it completed");
    }
}
