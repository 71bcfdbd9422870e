package org.casetrack.schemas.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casetrack.avro.Contact;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.PersonalData;
import org.casetrack.schemas.SchemaCatalog;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {
    private static final String CASE = "case-1";
    private final PersonalDataCipher cipher = new PersonalDataCipher(SchemaCatalog.personalDataVersions());
    private final DataKey key = DataKey.generate();
    private final PersonalData data = PersonalData.newBuilder()
            .setFullName("Somchai Example")
            .setBirthDate("1994-03")
            .setContacts(List.of(new Contact("phone", "+66 81 000 0000")))
            .setNotes("hid in the forest for two hours")
            .build();

    @Test
    void roundTripReturnsTheSameData() {
        EncryptedBlock block = cipher.seal(data, key, CASE);

        Opened opened = cipher.open(block, CASE, id -> Optional.of(key));

        assertThat(opened).isEqualTo(new Opened.Available(data));
    }

    @Test
    void ciphertextHoldsNoPlaintext() {
        EncryptedBlock block = cipher.seal(data, key, CASE);

        String raw = new String(bytes(block.getCiphertext()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Somchai").doesNotContain("forest").doesNotContain("+66");
        assertThat(block.getKeyId()).isEqualTo(key.keyId());
    }

    @Test
    void sealingTwiceUsesFreshNonces() {
        assertThat(cipher.seal(data, key, CASE).getNonce()).isNotEqualTo(cipher.seal(data, key, CASE).getNonce());
    }

    @Test
    void wrongKeyIsRefusedWithoutRevealingData() {
        EncryptedBlock block = cipher.seal(data, key, CASE);
        DataKey other = DataKey.of(key.keyId(), DataKey.generate().key().getEncoded());

        assertThatThrownBy(() -> cipher.open(block, CASE, id -> Optional.of(other)))
                .isInstanceOf(UnreadableBlockException.class)
                .hasMessageContaining(key.keyId())
                .hasMessageNotContaining("Somchai");
    }

    @Test
    void tamperedBytesAreRefused() {
        EncryptedBlock block = cipher.seal(data, key, CASE);
        byte[] altered = bytes(block.getCiphertext());
        altered[altered.length / 2] ^= 0x01;
        EncryptedBlock tampered = EncryptedBlock.newBuilder(block).setCiphertext(ByteBuffer.wrap(altered)).build();

        assertThatThrownBy(() -> cipher.open(tampered, CASE, id -> Optional.of(key)))
                .isInstanceOf(UnreadableBlockException.class);
    }

    @Test
    void blockMovedToAnotherCaseIsRefused() {
        EncryptedBlock block = cipher.seal(data, key, CASE);

        assertThatThrownBy(() -> cipher.open(block, "case-2", id -> Optional.of(key)))
                .isInstanceOf(UnreadableBlockException.class);
    }

    @Test
    void missingKeyReadsAsErased() {
        EncryptedBlock block = cipher.seal(data, key, CASE);
        Map<String, DataKey> store = Map.of();

        Opened opened = cipher.open(block, CASE, id -> Optional.ofNullable(store.get(id)));

        assertThat(opened).isEqualTo(new Opened.Erased(key.keyId()));
    }

    @Test
    void masterKeyWrapsAndUnwrapsADataKey() {
        MasterKey master = MasterKey.generate();

        DataKey unwrapped = master.unwrap(key.keyId(), master.wrap(key));

        assertThat(unwrapped.key().getEncoded()).isEqualTo(key.key().getEncoded());
        assertThat(MasterKey.fromBase64(master.toBase64()).id()).isEqualTo(master.id());
    }

    @Test
    void anotherMasterKeyCannotUnwrap() {
        byte[] wrapped = MasterKey.generate().wrap(key);

        assertThatThrownBy(() -> MasterKey.generate().unwrap(key.keyId(), wrapped))
                .isInstanceOf(UnreadableBlockException.class);
    }

    @Test
    void masterKeyOfWrongLengthIsRefusedClearly() {
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
