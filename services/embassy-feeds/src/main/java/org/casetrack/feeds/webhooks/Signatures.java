package org.casetrack.feeds.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64(HMAC-SHA256(key, id.timestamp.body))>}.
 * The key is the secret's base64 part when the secret is written {@code whsec_<base64>} (the
 * Standard Webhooks form, which its libraries expect), and otherwise the secret's UTF-8 bytes.
 */
public final class Signatures {
    public static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    private Signatures() {
    }

    /** @throws IllegalArgumentException when a {@code whsec_} secret is not valid base64 */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(byte[] key, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether one of the space-separated signatures of the header is the expected one (constant time). */
    public static boolean verify(byte[] key, String id, long timestamp, String body, String header) {
        byte[] expected = sign(key, id, timestamp, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
