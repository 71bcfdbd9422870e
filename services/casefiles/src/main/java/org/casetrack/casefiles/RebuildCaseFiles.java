package org.casetrack.casefiles;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.casefiles.projector.CaseFilesRebuild;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;

/**
 * {@code java -cp <casefiles classpath> org.casetrack.casefiles.RebuildCaseFiles}: rebuilds schema
 * {@code derived}'s case files from offset 0 of the event topics into fresh tables, printing
 * progress, then swaps them in; {@code primary} (tokens, keys, the disclosure log) is never
 * touched. Takes the same environment as the service (KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL, ...).
 * Exits 0 when the swap is done, 1 otherwise (the live tables are then unchanged).
 */
public final class RebuildCaseFiles {
    private RebuildCaseFiles() {
    }

    public static void main(String[] args) {
        try {
            run(Map.of(), System.out);
            System.exit(0);
        } catch (RuntimeException e) {
            // casetrack's database errors name the operation and SQLState only; other messages could quote row values
            String why = e instanceof org.casetrack.access.db.DatabaseException ? e.getMessage() : e.getClass().getName();
            System.err.println("rebuild: failed (" + why + "); the live tables are unchanged");
            System.exit(1);
        }
    }

    /** Runs a rebuild in a context of its own, with these properties over the environment's; the projector does not start in it. */
    public static CaseFilesRebuild.Result run(Map<String, Object> properties, PrintStream out) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("casefiles.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(all).deduceEnvironment(false).start()) {
            return new CaseFilesRebuild(context.getBean(CaseFilesSettings.class), context.getBean(KafkaSettings.class).bootstrapServers(),
                    context.getBean(ProvisionedTopics.class).topics(), context.getBean(TopicSerdes.class), context.getBean(DataSource.class),
                    out).run();
        }
    }
}
