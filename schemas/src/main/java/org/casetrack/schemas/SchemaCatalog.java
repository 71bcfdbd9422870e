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
import org.casetrack.avro.CaseState;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.PendingCaseCommands;
import org.casetrack.avro.PersonalData;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundDelta;
import org.casetrack.avro.CompoundView;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.TimelineDelta;
import org.casetrack.avro.UnrepatriatedTotals;
import org.casetrack.avro.UnrepatriatedView;
import org.casetrack.avro.ViewGeneration;
import org.casetrack.avro.VictimsPerCompoundView;
import org.casetrack.avro.ProcessedCommand;

/**
 * The top-level schemas casetrack releases, and their released history (schemas/history/, packaged
 * under casetrack/schema-history/ as {@code <Name>/v<N>.avsc}). Every released schema evolves
 * FULL_TRANSITIVE against its history.
 */
public final class SchemaCatalog {
    private static final String HISTORY_ROOT = "casetrack/schema-history/";

    /** The views service's state-store, repartition and view-topic values (services/views). */
    private static final List<Schema> VIEWS = List.of(CaseSummary.getClassSchema(), CompoundDelta.getClassSchema(),
            CompoundCounts.getClassSchema(), TimelineDelta.getClassSchema(), TimelineDay.getClassSchema(),
            UnrepatriatedTotals.getClassSchema(), VictimsPerCompoundView.getClassSchema(), CompoundView.getClassSchema(),
            UnrepatriatedView.getClassSchema(), ViewGeneration.getClassSchema());

    /** The embassy feeds' topic value and state-store value (services/embassy-feeds). */
    private static final List<Schema> FEEDS = List.of(FeedEntry.getClassSchema(), FeedCaseState.getClassSchema());

    private SchemaCatalog() {
    }

    /**
     * The current top-level schemas: topic values, the plaintext of encrypted blocks, and the ledger's
     * state-store values (their changelog topics keep them, so they evolve like any topic value).
     */
    public static List<Schema> current() {
        List<Schema> schemas = new ArrayList<>(List.of(CompoundCommand.getClassSchema(), CaseCommand.getClassSchema(), CompoundEvent.getClassSchema(),
                CaseEvent.getClassSchema(), CompoundState.getClassSchema(), CommandOutcome.getClassSchema(),
                PersonalData.getClassSchema(), CaseState.getClassSchema(), ProcessedCommand.getClassSchema(),
                PendingCaseCommands.getClassSchema()));
        schemas.addAll(VIEWS);
        schemas.addAll(FEEDS);
        return List.copyOf(schemas);
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
