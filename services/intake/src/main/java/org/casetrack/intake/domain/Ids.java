package org.casetrack.intake.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic ids (ARCHITECTURE §5): name-based UUIDs, version 5 (SHA-1, RFC 9562), so a retry,
 * concurrent or not, lands on the same command, case and partition.
 */
public final class Ids {
    /** casetrack's namespace for command ids. */
    public static final UUID NAMESPACE = UUID.fromString("5b0c6f2e-8a47-4d8e-9f0a-3c2d1e6b7a90");

    private Ids() {
    }

    /** commandId = UUIDv5(principal, method, path, Idempotency-Key). */
    public static UUID command(String principal, String method, String path, String idempotencyKey) {
        return v5(NAMESPACE, principal + "\n" + method + "\n" + path + "\n" + idempotencyKey);
    }

    /** The i-th case of a report = UUIDv5(commandId, i). */
    public static UUID caseOf(UUID reportId, int index) {
        return v5(reportId, Integer.toString(index));
    }

    /** The command that opens the i-th case of a report. */
    public static UUID caseCommandOf(UUID reportId, int index) {
        return v5(reportId, "command-" + index);
    }

    /** The compound a discovery registers. */
    public static UUID compoundOf(UUID commandId) {
        return v5(commandId, "compound");
    }

    public static UUID v5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
