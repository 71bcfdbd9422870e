package org.casetrack.schemas.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.PersonalData;
import org.casetrack.schemas.serde.AvroTrust;

/**
 * Seals personal data into an {@link EncryptedBlock} and opens it again. The plaintext is the Avro
 * single-object encoding of {@link PersonalData}, so older versions of the record (found in the
 * schema store, fed from schemas/history) still open after the schema evolves. The aggregate id
 * and key id are authenticated with the block, so it cannot be moved to another case.
 */
public final class PersonalDataCipher {
    private final BinaryMessageEncoder<PersonalData> encoder;
    private final BinaryMessageDecoder<PersonalData> decoder;

    public PersonalDataCipher(SchemaStore earlierVersions) {
        AvroTrust.ensure();
        SpecificData model = SpecificData.getForClass(PersonalData.class);
        this.encoder = new BinaryMessageEncoder<>(model, PersonalData.getClassSchema());
        this.decoder = new BinaryMessageDecoder<>(model, PersonalData.getClassSchema(), earlierVersions);
    }

    public PersonalDataCipher() {
        this(fingerprint -> null);
    }

    public EncryptedBlock seal(PersonalData data, DataKey key, String aggregateId) {
        byte[] plaintext;
        try {
            ByteBuffer encoded = encoder.encode(data);
            plaintext = new byte[encoded.remaining()];
            encoded.get(plaintext);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode personal data", e);
        }
        byte[] nonce = Aead.nonce();
        byte[] ciphertext = Aead.seal(key.key(), nonce, plaintext, aad(aggregateId, key.keyId()));
        return EncryptedBlock.newBuilder()
                .setKeyId(key.keyId())
                .setNonce(ByteBuffer.wrap(nonce))
                .setCiphertext(ByteBuffer.wrap(ciphertext))
                .build();
    }

    /**
     * Opens the block, or says it was erased when its key no longer exists.
     *
     * @throws UnreadableBlockException when the key is wrong or the block was altered
     */
    public Opened open(EncryptedBlock block, String aggregateId, KeyLookup keys) {
        Optional<DataKey> key = keys.find(block.getKeyId());
        if (key.isEmpty()) {
            return new Opened.Erased(block.getKeyId());
        }
        byte[] plaintext;
        try {
            plaintext = Aead.open(key.get().key(), bytes(block.getNonce()), bytes(block.getCiphertext()),
                    aad(aggregateId, block.getKeyId()));
        } catch (AEADBadTagException e) {
            throw new UnreadableBlockException("Encrypted block under key " + block.getKeyId()
                    + " failed authentication: wrong key, wrong case, or altered bytes", e);
        }
        try {
            return new Opened.Available(decoder.decode(plaintext));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableBlockException("Encrypted block under key " + block.getKeyId()
                    + " opened but does not hold a known PersonalData version", e);
        }
    }

    private static byte[] aad(String aggregateId, String keyId) {
        return (aggregateId + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
