package org.casetrack.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.PersonalData;

/**
 * The top-level schemas casetrack releases, and their released history (schemas/history/, packaged
 * under casetrack/schema-history/ as {@code <Name>/v<N>.avsc}). Every released schema evolves
 * FULL_TRANSITIVE against its history.
 */
public final class SchemaCatalog {
    private static final String HISTORY_ROOT = "casetrack/schema-history/";

    private SchemaCatalog() {
    }

    /** The current top-level schemas: topic values and the plaintext of encrypted blocks. */
    public static List<Schema> current() {
        return List.of(CompoundCommand.getClassSchema(), CaseCommand.getClassSchema(), CompoundEvent.getClassSchema(),
                CaseEvent.getClassSchema(), CompoundState.getClassSchema(), CommandOutcome.getClassSchema(),
                PersonalData.getClassSchema());
    }

    /** Released versions of a top-level schema, oldest first; empty when it was never released. */
    public static List<Schema> history(String simpleName) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = SchemaCatalog.class.getClassLoader();
        for (int v = 1; ; v++) {
            try (InputStream in = loader.getResourceAsStream(HISTORY_ROOT + simpleName + "/v" + v + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read released schema " + simpleName + " v" + v, e);
            }
        }
    }

    /** Every released PersonalData version by fingerprint, so encrypted blocks written with any of them still open. */
    public static SchemaStore personalDataVersions() {
        Map<Long, Schema> byFingerprint = history(PersonalData.getClassSchema().getName()).stream()
                .collect(Collectors.toMap(SchemaNormalization::parsingFingerprint64, Function.identity(), (a, b) -> b));
        return byFingerprint::get;
    }
}
