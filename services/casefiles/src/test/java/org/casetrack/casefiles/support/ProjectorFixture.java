package org.casetrack.casefiles.support;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.CompoundStatusChanged;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.ServiceType;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.casefiles.projector.BatchObserver;
import org.casetrack.casefiles.projector.CaseFilesProjector;
import org.casetrack.casefiles.store.DerivedDatabase;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;

/**
 * Projectors without a Micronaut context, on a test scope's topics and a database, and streams of
 * events to feed them: a few compounds and many cases of four events each.
 */
public final class ProjectorFixture {
    /** Short consumer timeouts, so a stalled or dead projector loses its partitions within seconds. */
    public static final CaseFilesSettings QUICK = CaseFilesSettings.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(6));

    private ProjectorFixture() {
    }

    public static TopicSerdes serdes(TestScope scope) {
        return new TopicSerdes(scope.stack().registry(), true);
    }

    public static CaseFilesProjector projector(TestScope scope, CaseFilesSettings settings, HikariDataSource pool, BatchObserver observer) {
        return new CaseFilesProjector(settings, scope.bootstrapServers(), scope.topics(), serdes(scope), new DerivedDatabase(pool), observer)
                .start();
    }

    /** Events of {@code compounds} compounds and {@code cases} cases (four events each), as written by the ledger. */
    public record Scenario(List<CompoundEvent> compoundEvents, List<CaseEvent> caseEvents) {
        public int size() {
            return compoundEvents.size() + caseEvents.size();
        }
    }

    public static Scenario scenario(int compounds, int cases) {
        List<CompoundEvent> compoundEvents = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < compounds; i++) {
            CompoundScript c = CompoundScript.discovered("Compound " + i, "KH", LocalDate.of(2026, 1, 2))
                    .then(CompoundStatusChanged.newBuilder().setStatus(CompoundStatus.RAIDED).setEffectiveOn(LocalDate.of(2026, 1, 9)).build());
            compoundEvents.addAll(c.events());
            ids.add(c.compoundId());
        }
        List<CaseEvent> caseEvents = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            LocalDate escaped = LocalDate.of(2026, 1, 1).plusDays(i % 20);
            CaseScript c = CaseScript.of(CaseScript.OPAQUE).escaped(i % 3 == 0 ? "VN" : "TH", escaped, null)
                    .then(CaseCompoundIdentified.newBuilder().setCompoundId(ids.get(i % ids.size())).build())
                    .then(ReferralMade.newBuilder().setService(ServiceType.SHELTER).setTo("Shelter " + (i % 4)).setReferredOn(escaped).build())
                    .then(AssistanceProvided.newBuilder().setType(ServiceType.MEDICAL).setProvidedOn(escaped.plusDays(1)).build());
            caseEvents.addAll(c.events());
        }
        return new Scenario(compoundEvents, caseEvents);
    }

    /** Writes the scenario in transactions of about {@code perTransaction} case events. */
    public static void write(EventLog log, Scenario scenario, int perTransaction) {
        log.write(scenario.compoundEvents(), List.of());
        List<CaseEvent> events = scenario.caseEvents();
        for (int from = 0; from < events.size(); from += perTransaction) {
            log.write(events.subList(from, Math.min(events.size(), from + perTransaction)));
        }
    }
}
