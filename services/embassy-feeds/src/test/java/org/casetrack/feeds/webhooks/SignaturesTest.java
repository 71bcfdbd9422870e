package org.casetrack.feeds.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures, against the example published with the specification. */
class SignaturesTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsExampleLikeItsReferenceLibraries() {
        assertThat(Signatures.sign(Signatures.key(SECRET), ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesOneOfSeveralSignaturesAndRefusesAnAlteredBody() {
        byte[] key = Signatures.key(SECRET);
        String header = "v1,bm90IHRoaXMgb25l " + Signatures.sign(key, ID, TIMESTAMP, BODY);

        assertThat(Signatures.verify(key, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(Signatures.verify(key, ID, TIMESTAMP, BODY.replace('2', '3'), header)).isFalse();
        assertThat(Signatures.verify(key, ID, TIMESTAMP + 1, BODY, header)).isFalse();
        assertThat(Signatures.verify(Signatures.key("another secret of enough length!"), ID, TIMESTAMP, BODY, header)).isFalse();
    }

    @Test
    void aSecretWithoutThePrefixIsUsedAsItsUtf8Bytes() {
        assertThat(Signatures.key("a passphrase of twenty-four+")).isEqualTo("a passphrase of twenty-four+".getBytes(StandardCharsets.UTF_8));
    }
}
