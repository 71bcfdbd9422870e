package org.casetrack.feeds.store;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.schemas.crypto.DataKey;

/**
 * Webhook secrets at rest: AES-256-GCM under a data key of the key store owned by
 * {@code webhook:<subscriptionId>} (wrapped by the master key like every case key), with the owner
 * authenticated alongside, so a sealed secret cannot be moved to another subscription. Deleting a
 * subscription destroys its key, and with it the secret.
 */
@Singleton
public class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKeyStore keys;

    public SecretBox(DataKeyStore keys) {
        this.keys = keys;
    }

    /** A sealed secret: the key it is sealed under, the nonce and the ciphertext with its tag. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
        @Override
        public String toString() {
            return "Sealed[" + keyId + "]";
        }
    }

    public static String owner(UUID subscriptionId) {
        return "webhook:" + subscriptionId;
    }

    public Sealed seal(UUID subscriptionId, byte[] secret) {
        DataKey key = keys.keyFor(owner(subscriptionId));
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return new Sealed(key.keyId(), nonce, crypt(Cipher.ENCRYPT_MODE, key, nonce, subscriptionId, secret));
    }

    /** @throws IllegalStateException when the key was destroyed or the sealed bytes were altered */
    public byte[] open(UUID subscriptionId, Sealed sealed) {
        DataKey key = keys.find(sealed.keyId())
                .orElseThrow(() -> new IllegalStateException("The secret key of subscription " + subscriptionId + " was destroyed"));
        return crypt(Cipher.DECRYPT_MODE, key, sealed.nonce(), subscriptionId, sealed.ciphertext());
    }

    public void destroy(UUID subscriptionId) {
        keys.destroy(owner(subscriptionId));
    }

    private static byte[] crypt(int mode, DataKey key, byte[] nonce, UUID subscriptionId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((owner(subscriptionId) + "\n" + key.keyId()).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // the class name only: the message of a crypto exception says nothing useful and must not carry data
            throw new IllegalStateException("Webhook secret of subscription " + subscriptionId + " cannot be "
                    + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened") + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
