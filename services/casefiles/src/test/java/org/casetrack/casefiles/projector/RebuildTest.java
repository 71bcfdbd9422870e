package org.casetrack.casefiles.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.casefiles.RebuildCaseFiles;
import org.casetrack.casefiles.support.CaseFilesScenario;
import org.casetrack.casefiles.support.CaseFilesServer;
import org.casetrack.casefiles.support.CaseScript;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.EventLog;
import org.casetrack.casefiles.support.ProjectorFixture;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rebuild command against a running service: fresh tables from offset 0, swapped in; they equal
 * the live ones row for row, {@code primary} (disclosure log, keys, tokens) is untouched, and the
 * live projector carries on afterwards.
 */
@ExtendWith(DevStackExtension.class)
class RebuildTest {
    private static final Map<String, String> TABLES = Map.of(
            "derived.casefiles_offsets", "topic, partition", "derived.cases", "case_id", "derived.case_consents", "case_id, recipient",
            "derived.case_events", "event_id", "derived.compounds", "compound_id", "derived.compound_events", "event_id");

    @Test
    void aRebuildEqualsTheLiveTablesRowForRowAndLeavesTheDisclosureLogIntact(TestScope scope) {
        try (CaseFilesServer server = CaseFilesServer.start(scope, Map.of())) {
            CaseFilesScenario scenario = new CaseFilesScenario(server).written(server);
            ProjectorFixture.Scenario bulk = ProjectorFixture.scenario(3, 500);
            try (EventLog log = server.eventLog()) {
                ProjectorFixture.write(log, bulk, 250);
            }
            String coordinator = server.issue("coordinator", "coordinator-rebuild", "IOM Cambodia");
            assertThat(server.get("/api/v1/cases/" + scenario.th1.caseId(), coordinator).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/cases?nationality=TH", coordinator).status()).isEqualTo(200);
            DerivedRows rows = server.rows();
            long events = scenario.caseEvents().size() + scenario.compoundEvents().size() + bulk.size();
            await().atMost(Duration.ofSeconds(120)).until(() -> rows.count("derived.case_events") + rows.count("derived.compound_events") == events);
            ProjectorLifecycle projector = server.bean(ProjectorLifecycle.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> projector.lag() == 0);
            Map<String, List<String>> live = snapshot(rows);
            List<String> primary = primary(rows);
            assertThat(rows.count("\"primary\".disclosures")).isPositive();

            ByteArrayOutputStream output = new ByteArrayOutputStream();
            // few cases in memory, so each reader writes held cases early, reads them back and upserts them many times over
            var result = RebuildCaseFiles.run(Map.of("kafka.bootstrap-servers", scope.bootstrapServers(),
                    "casetrack.topic-prefix", scope.topics().prefix(), "database.url", scope.jdbcUrl(), "database.user", "postgres",
                    "casefiles.rebuild-cases-in-memory", "40", "casefiles.rebuild-batch-records", "100"),
                    new PrintStream(output, true, StandardCharsets.UTF_8));

            String printed = output.toString(StandardCharsets.UTF_8);
            System.out.print(printed);
            assertThat(printed).contains("rebuild: reading").contains("events/s").contains(" of ").contains("swapped in")
                    .as("the first spill keys the cases table, loaded without its key").contains("keying the cases table")
                    .as("each index build and analysis, timed").contains("rebuild: built case_events_pkey on case_events in ")
                    .contains("rebuild: built cases_by_nationality on cases in ").contains("rebuild: ran ANALYZE derived_next.cases in ")
                    .as("the spill's key of the cases is found, not built again").contains("rebuild: found cases_pkey on cases already built")
                    .doesNotContain("rebuild: built cases_pkey");
            assertThat(result.records()).isEqualTo(events);
            assertThat(result.skipped()).isZero();
            Map<String, List<String>> rebuilt = snapshot(rows);
            live.keySet().forEach(table -> assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table)));
            assertThat(live.get("keys")).as("histories keyed by aggregate and sequence (migration V4), not by event id")
                    .contains("derived.case_events case_events_pkey PRIMARY KEY (case_id, sequence)",
                            "derived.compound_events compound_events_pkey PRIMARY KEY (compound_id, sequence)")
                    .noneMatch(k -> k.contains("event_id"));
            assertThat(primary(rows)).as("primary: tokens, data keys, the disclosure log").containsExactlyElementsOf(primary);
            assertThat(rows.query("SELECT count(*) FROM pg_namespace WHERE nspname = 'derived_next'", rs -> rs.getLong(1)))
                    .containsExactly(0L);

            CaseScript after = CaseScript.of(CaseScript.OPAQUE).escaped("MM", LocalDate.of(2026, 1, 21), null);
            try (EventLog log = server.eventLog()) {
                log.write(after.events());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("derived.cases WHERE case_id = '" + after.caseId() + "'") == 1);
            assertThat(server.get("/api/v1/cases/" + scenario.th1.caseId(), coordinator).json().at("/personalData/fullName").asText())
                    .isEqualTo(CaseFilesScenario.TH1_NAME);

            // with the default hold no reader spills: each case is written once, at the end
            await().atMost(Duration.ofSeconds(30)).until(() -> projector.lag() == 0);
            Map<String, List<String>> beforeSecond = snapshot(rows);
            ByteArrayOutputStream secondOutput = new ByteArrayOutputStream();
            var second = RebuildCaseFiles.run(Map.of("kafka.bootstrap-servers", scope.bootstrapServers(),
                    "casetrack.topic-prefix", scope.topics().prefix(), "database.url", scope.jdbcUrl(), "database.user", "postgres"),
                    new PrintStream(secondOutput, true, StandardCharsets.UTF_8));
            assertThat(second.records()).isEqualTo(events + after.events().size());
            assertThat(secondOutput.toString(StandardCharsets.UTF_8)).doesNotContain("keying the cases table");
            Map<String, List<String>> rebuiltAgain = snapshot(rows);
            beforeSecond.keySet().forEach(table -> assertThat(rebuiltAgain.get(table)).as(table).containsExactlyElementsOf(beforeSecond.get(table)));
            assertThat(beforeSecond.get("keys")).anyMatch(k -> k.startsWith("derived.cases cases_pkey PRIMARY KEY (case_id)"));
        }
    }

    private static Map<String, List<String>> snapshot(DerivedRows rows) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> tables.put(table, rows.dump(table, key)));
        // the rebuild builds the indexes and keys it left out of the load: they must come back as they were
        tables.put("indexes", rows.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'derived' ORDER BY indexname",
                rs -> rs.getString(1)));
        tables.put("keys", rows.query("SELECT k.conrelid::regclass::text || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)"
                + " FROM pg_constraint k WHERE k.connamespace = 'derived'::regnamespace ORDER BY 1", rs -> rs.getString(1)));
        return tables;
    }

    private static List<String> primary(DerivedRows rows) {
        List<String> all = new java.util.ArrayList<>(rows.dump("\"primary\".disclosures", "id"));
        all.addAll(rows.dump("\"primary\".data_keys", "case_id"));
        all.addAll(rows.dump("\"primary\".tokens", "token_hash"));
        return all;
    }
}
