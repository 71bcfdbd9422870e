package org.casetrack.access.keys;

import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.casetrack.access.config.AccessSettings;
import org.casetrack.schemas.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from: {@code casetrack.master-key} (CASETRACK_MASTER_KEY), else the
 * file {@code casetrack.master-key-file} (CASETRACK_MASTER_KEY_FILE), generated with owner-only
 * permissions when it does not exist. Without either, nothing starts. Only the key's id (a
 * fingerprint) is ever logged.
 */
public final class MasterKeys {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeys() {
    }

    public static MasterKey load(AccessSettings settings) {
        if (settings.masterKeyValue().isPresent()) {
            return parse(settings.masterKeyValue().get(), "casetrack.master-key (CASETRACK_MASTER_KEY)");
        }
        if (settings.masterKeyFileValue().isPresent()) {
            return fromFile(Path.of(settings.masterKeyFileValue().get()).toAbsolutePath());
        }
        throw new ConfigurationException("No master key: set CASETRACK_MASTER_KEY to base64 of 32 random bytes, or "
                + "CASETRACK_MASTER_KEY_FILE to a file outside the data directory (generated there when it does not exist)");
    }

    static MasterKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                return generate(file);
            }
            warnIfShared(file);
            return parse(Files.readString(file, StandardCharsets.US_ASCII), "the master key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static MasterKey generate(Path file) throws IOException {
        MasterKey key = MasterKey.generate();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // another process generated it first: use that one
            return parse(Files.readString(file, StandardCharsets.US_ASCII), "the master key file " + file);
        }
        Files.writeString(file, key.toBase64() + "\n", StandardCharsets.US_ASCII);
        LOG.warn("Generated a new master key {} into {}: keep this file apart from the data directory and its backups, "
                + "and back it up separately; without it no personal data can be read", key.id(), file);
        return key;
    }

    private static void warnIfShared(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn("The master key file {} is readable by others ({}): make it owner-only (chmod 600)",
                        file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }

    private static MasterKey parse(String base64, String source) {
        try {
            return MasterKey.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            // MasterKey's message says what is wrong without repeating the key
            throw new ConfigurationException(source + " is not a valid master key: " + e.getMessage());
        }
    }
}
