package org.casetrack.schemas.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key that wraps every data key. It comes from the environment (or, in standalone, a
 * file outside the data directory) and is never stored beside the data it protects.
 */
public final class MasterKey {
    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes, base64-encoded, not " + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = fingerprint(bytes);
    }

    /** @throws IllegalArgumentException when the text is not base64 of 32 bytes */
    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The master key must be 32 bytes, base64-encoded: it is not valid base64", e);
        }
        return new MasterKey(bytes);
    }

    public static MasterKey generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A short fingerprint that tells which master key wrapped a data key, without revealing it. */
    public String id() {
        return id;
    }

    /** nonce || AES-GCM(key bytes), authenticated with the data key's id. */
    public byte[] wrap(DataKey dataKey) {
        byte[] nonce = Aead.nonce();
        byte[] sealed = Aead.seal(key, nonce, dataKey.key().getEncoded(), dataKey.keyId().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    /** @throws UnreadableBlockException when this is not the master key that wrapped it */
    public DataKey unwrap(String keyId, byte[] wrapped) {
        byte[] nonce = new byte[Aead.NONCE_BYTES];
        System.arraycopy(wrapped, 0, nonce, 0, nonce.length);
        byte[] sealed = new byte[wrapped.length - nonce.length];
        System.arraycopy(wrapped, nonce.length, sealed, 0, sealed.length);
        try {
            return DataKey.of(keyId, Aead.open(key, nonce, sealed, keyId.getBytes(StandardCharsets.UTF_8)));
        } catch (AEADBadTagException e) {
            throw new UnreadableBlockException("Data key " + keyId + " was not wrapped by master key " + id, e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
