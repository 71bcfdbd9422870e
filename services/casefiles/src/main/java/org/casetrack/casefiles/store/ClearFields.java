package org.casetrack.casefiles.store;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.casetrack.avro.EncryptedBlock;

/**
 * The clear fields of an event payload as a JSON-ready map (enums by name, dates ISO, ids as text),
 * leaving out the encrypted block, which is stored apart as ciphertext.
 */
final class ClearFields {
    private ClearFields() {
    }

    static Map<String, Object> of(SpecificRecord payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : payload.getSchema().getFields()) {
            Object value = payload.get(field.pos());
            if (value == null || value instanceof EncryptedBlock) {
                continue;
            }
            fields.put(field.name(), plain(value));
        }
        return fields;
    }

    private static Object plain(Object value) {
        if (value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ClearFields::plain).toList();
        }
        if (value instanceof SpecificRecord record) {
            return of(record);
        }
        if (value instanceof ByteBuffer) {
            throw new IllegalArgumentException("Bytes outside an encrypted block are not a clear field");
        }
        return value.toString();
    }

    /** The encrypted block of a payload, if it has one. */
    static EncryptedBlock block(SpecificRecord payload) {
        Schema.Field field = payload.getSchema().getField("personal");
        return field == null ? null : (EncryptedBlock) payload.get(field.pos());
    }
}
