package org.casetrack.access.keys;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.casetrack.access.config.AccessSettings;
import org.casetrack.schemas.crypto.MasterKey;

/**
 * The master-key rotation tool, run with every service stopped:
 * {@code CASETRACK_NEW_MASTER_KEY=<base64> java -cp casetrack.jar org.casetrack.access.keys.RotateMasterKey},
 * with the usual DATABASE_* and CASETRACK_MASTER_KEY (or CASETRACK_MASTER_KEY_FILE) of the old key.
 * Re-wraps every data key in one transaction; with a key file, the file then holds the new key.
 * The Kafka log is not touched: every ciphertext stays as it is.
 */
public final class RotateMasterKey {
    private RotateMasterKey() {
    }

    public static void main(String[] args) {
        String next = System.getenv("CASETRACK_NEW_MASTER_KEY");
        if (next == null || next.isBlank()) {
            System.err.println("Set CASETRACK_NEW_MASTER_KEY to base64 of 32 random bytes (e.g. openssl rand -base64 32)");
            System.exit(2);
        }
        MasterKey key = MasterKey.fromBase64(next);
        int count = rotate(Map.of(), key);
        System.out.println("Re-wrapped " + count + " data keys under master key " + key.id()
                + "; start every service with this master key from now on");
    }

    /** Rotates the key store configured by the environment and these properties; @return keys re-wrapped */
    public static int rotate(Map<String, Object> properties, MasterKey next) {
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            int count = context.getBean(DataKeyStore.class).rotate(next);
            AccessSettings settings = context.getBean(AccessSettings.class);
            if (settings.masterKeyValue().isEmpty() && settings.masterKeyFileValue().isPresent()) {
                replaceKeyFile(Path.of(settings.masterKeyFileValue().get()), next);
            }
            return count;
        }
    }

    /** Writes the new key beside the file, owner-only, then moves it over the old one in one step. */
    private static void replaceKeyFile(Path file, MasterKey next) {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(fresh);
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(fresh, next.toBase64() + "\n", StandardCharsets.US_ASCII);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The data keys are re-wrapped under master key " + next.id()
                    + " but the key file " + file + " could not be replaced: put the new key there by hand", e);
        }
    }
}
