package org.casetrack.schemas.crypto;

import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** A case's AES-256 data key and the id under which the key store holds it. */
public record DataKey(String keyId, SecretKey key) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static DataKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new DataKey(UUID.randomUUID().toString(), new SecretKeySpec(bytes, "AES"));
    }

    public static DataKey of(String keyId, byte[] keyBytes) {
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("A data key is 32 bytes, not " + keyBytes.length);
        }
        return new DataKey(keyId, new SecretKeySpec(keyBytes, "AES"));
    }

    @Override
    public String toString() {
        return "DataKey[" + keyId + "]";
    }
}
