package org.casetrack.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Compatibility levels with the Confluent registry's names and meaning, checked with Avro's own
 * {@link SchemaCompatibility}. BACKWARD: the new schema reads data written with the previous one;
 * FORWARD: the previous schema reads data written with the new one; FULL: both; *_TRANSITIVE:
 * against every earlier version, not only the latest.
 */
public enum Compatibility {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /**
     * Problems with {@code candidate} against earlier versions (oldest first); empty when compatible.
     */
    public List<String> problems(Schema candidate, List<Schema> earlier) {
        if (this == NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Schema> against = name().endsWith("_TRANSITIVE") ? earlier : List.of(earlier.get(earlier.size() - 1));
        boolean backward = this != FORWARD && this != FORWARD_TRANSITIVE;
        boolean forward = this != BACKWARD && this != BACKWARD_TRANSITIVE;
        List<String> problems = new ArrayList<>();
        for (Schema old : against) {
            if (backward) {
                describe("new schema cannot read data written with an earlier one", candidate, old, problems);
            }
            if (forward) {
                describe("an earlier schema cannot read data written with the new one", old, candidate, problems);
            }
        }
        return problems;
    }

    private static void describe(String direction, Schema reader, Schema writer, List<String> problems) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility i : result.getIncompatibilities()) {
            problems.add(direction + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")");
        }
    }
}
