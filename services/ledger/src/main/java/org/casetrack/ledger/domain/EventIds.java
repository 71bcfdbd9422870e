package org.casetrack.ledger.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids are name-based (RFC 9562 version 5: SHA-1 of a namespace and a name): the namespace is the
 * command id, the name "event:<index>". A command decided again (after a crash before commit) gets the
 * same ids, so no second id can ever be minted for it. The "event:" prefix keeps these ids apart from
 * case ids, which intake derives from a command id and a bare index.
 */
public final class EventIds {
    private EventIds() {
    }

    public static UUID of(UUID commandId, int index) {
        return nameBased(commandId, "event:" + index);
    }

    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
