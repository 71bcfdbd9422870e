package org.casetrack.casefiles.store;

import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One shared instance per recurring value: a rebuild holds hundreds of thousands of cases, whose
 * nationalities, compound ids, organisations, countries and dates repeat, and each decoded event
 * brings its own copies. A direct-mapped cache (a value replaces whatever shared its slot), so it
 * stays the same size however many distinct values pass. Not thread-safe: one per reader.
 */
final class Canonical {
    private final Object[] slots;
    private final int mask;

    /** @param slots a power of two */
    Canonical(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.slots = new Object[slots];
        this.mask = slots - 1;
    }

    /** The instance held for a value equal to this one, or this one, which is then held. */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) {
            return null;
        }
        int h = value.hashCode() * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        Object held = slots[slot];
        if (value.equals(held)) {
            return (T) held;
        }
        slots[slot] = value;
        return value;
    }

    /** Replaces the payload's text and date fields (not those of nested records) with their shared instances. */
    void fieldsOf(SpecificRecord payload) {
        for (Schema.Field field : payload.getSchema().getFields()) {
            Object value = payload.get(field.pos());
            if (value instanceof String || value instanceof LocalDate) {
                payload.put(field.pos(), of(value));
            }
        }
    }
}
