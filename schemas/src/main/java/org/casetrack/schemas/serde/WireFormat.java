package org.casetrack.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then the Avro binary
 * encoding. Any stock Kafka client in any language can read it with the schema from the registry.
 */
public final class WireFormat {
    public static final byte MAGIC = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] avroBinary) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
                .put(MAGIC).putInt(schemaId).put(avroBinary).array();
    }

    /** The schema id of a framed record, or a SerializationException that says what is wrong. */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Record on topic " + topic + " is not in the Confluent wire format: "
                    + data.length + " bytes, shorter than the 5-byte header");
        }
        if (data[0] != MAGIC) {
            throw new SerializationException("Record on topic " + topic + " is not in the Confluent wire format: magic byte "
                    + String.format("0x%02x", data[0]) + ", expected 0x00");
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
