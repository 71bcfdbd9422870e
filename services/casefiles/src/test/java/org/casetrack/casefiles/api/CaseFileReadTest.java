package org.casetrack.casefiles.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.casefiles.support.CaseFilesScenario;
import org.casetrack.casefiles.support.CaseFilesServer;
import org.casetrack.casefiles.support.CaseScript;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/cases/{caseId}} over HTTP, on events that went through the real topics and
 * projector: what a coordinator and an embassy see, what they never see, and the disclosure log.
 */
@ExtendWith(DevStackExtension.class)
class CaseFileReadTest {
    private static CaseFilesServer server;
    private static CaseFilesScenario scenario;
    private static String coordinator;
    private static String embassyTh;

    @BeforeAll
    static void start(TestScope scope) {
        server = CaseFilesServer.start(scope, Map.of());
        scenario = new CaseFilesScenario(server).written(server);
        coordinator = server.issue("coordinator", "coordinator-ana", "IOM Cambodia");
        embassyTh = server.issue("embassy:TH", "consul-th", "Royal Thai Embassy Phnom Penh");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode read(CaseScript c, String token) {
        CaseFilesServer.Response response = server.get("/api/v1/cases/" + c.caseId(), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aCoordinatorReadsTheCurrentFactsAndTheFullHistoryWithPersonalDataDecrypted() {
        JsonNode file = read(scenario.th1, coordinator);

        assertThat(file.get("nationality").asText()).isEqualTo("TH");
        assertThat(file.get("lifecycle").asText()).isEqualTo("OPEN");
        assertThat(file.get("whereabouts").asText()).isEqualTo("CRIMINAL_DETENTION");
        assertThat(file.at("/trafficking/status").asText()).isEqualTo("ACTUAL");
        assertThat(file.at("/compound/name").asText()).isEqualTo("Great Wall Park");
        assertThat(file.at("/legalSituation/detained").asBoolean()).isTrue();
        assertThat(file.at("/care/needs/0").asText()).isEqualTo("MEDICAL");
        assertThat(file.at("/personalData/fullName").asText()).as("the corrected name").isEqualTo(CaseFilesScenario.TH1_NAME);
        assertThat(file.at("/personalData/contacts/0/value").asText()).isEqualTo(CaseFilesScenario.TH1_PHONE);
        assertThat(file.at("/personalData/health").asText()).isEqualTo(CaseFilesScenario.TH1_HEALTH);
        assertThat(file.at("/personalData/documents/0/number").asText()).isEqualTo("ETD-Planted-77");

        List<String> types = new ArrayList<>();
        file.get("history").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("EscapeReported", "ReferralMade", "ConsentRecorded", "ScreeningRecorded",
                "CaseDetailsCorrected", "TravelDocumentIssued", "ArrestReported");
        JsonNode arrest = file.get("history").get(6);
        assertThat(arrest.get("sequence").asLong()).isEqualTo(7);
        assertThat(arrest.at("/reportedBy/principal").asText()).isEqualTo("field-worker-1");
        assertThat(arrest.at("/reportedBy/organisation").asText()).isEqualTo("IOM Cambodia");
        assertThat(arrest.get("recordedAt").asText()).isEqualTo("2026-01-20T08:00:07Z");
        assertThat(arrest.at("/details/detentionType").asText()).isEqualTo("CRIMINAL");
        assertThat(arrest.at("/personal/arrestGrounds").asText()).isEqualTo("Planted old warrant");
    }

    @Test
    void everyCoordinatorReadOfPersonalDataWritesOneDisclosureRow() {
        int before = disclosures(scenario.th2.caseId(), Disclosure.READ).size();
        read(scenario.th2, coordinator);
        read(scenario.th2, coordinator);

        List<Disclosure> rows = disclosures(scenario.th2.caseId(), Disclosure.READ);
        assertThat(rows).hasSize(before + 2);
        assertThat(rows.get(rows.size() - 1).principal()).isEqualTo("coordinator-ana");
        assertThat(rows.get(rows.size() - 1).organisation()).isEqualTo("IOM Cambodia");
        assertThat(rows.get(rows.size() - 1).what()).doesNotContain("Planted");
    }

    @Test
    void anEmbassySeesOnlyTheConsentedCategoriesAndNeverTheLegalSituation() {
        JsonNode file = read(scenario.th1, embassyTh);

        assertThat(file.at("/personalData/fullName").asText()).isEqualTo(CaseFilesScenario.TH1_NAME);
        assertThat(file.at("/personalData/birthDate").asText()).isEqualTo("1994-03");
        assertThat(file.get("personalData").has("contacts")).isFalse();
        assertThat(file.get("personalData").has("health")).isFalse();
        assertThat(file.get("personalData").has("currentLocation")).isFalse();
        assertThat(file.get("personalData").has("documents")).isFalse();
        assertThat(file.get("personalData").has("notes")).isFalse();
        assertThat(file.has("legalSituation")).isFalse();
        assertThat(file.get("whereabouts").asText()).as("a detention shows as unknown").isEqualTo("UNKNOWN");
        assertThat(file.get("consents")).hasSize(1);
        List<String> types = new ArrayList<>();
        file.get("history").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).doesNotContain("ArrestReported").contains("EscapeReported", "ConsentRecorded");
        file.get("history").forEach(e -> {
            assertThat(e.at("/reportedBy").has("principal")).isFalse();
            assertThat(e.toString()).doesNotContain("Planted consent details").doesNotContain("typo in the report");
        });
        assertThat(file.toString()).doesNotContain(CaseFilesScenario.TH1_PHONE).doesNotContain("Planted old warrant")
                .doesNotContain("Planted safe house");

        List<Disclosure> rows = disclosures(scenario.th1.caseId(), Disclosure.READ);
        assertThat(rows).anySatisfy(d -> {
            assertThat(d.principal()).isEqualTo("consul-th");
            assertThat(d.what()).contains("IDENTITY").contains("CASE_HISTORY");
        });
    }

    @Test
    void anEmbassyWithoutCaseHistoryConsentGetsNoHistoryAndAMinorWithABestInterestsDecisionShows() {
        JsonNode file = read(scenario.th8, embassyTh);

        assertThat(file.has("history")).isFalse();
        assertThat(file.at("/personalData/contacts/0/value").asText()).isEqualTo(CaseFilesScenario.TH8_PHONE);
        assertThat(file.get("minor").asBoolean()).isTrue();
    }

    @Test
    void anEmbassyGets404ForAnotherNationalityAndForEveryNationalWhoMustNotReachIt() {
        List<CaseScript> hidden = List.of(scenario.vn1, scenario.th2, scenario.th3, scenario.th4, scenario.th5, scenario.th6, scenario.th7);
        for (CaseScript c : hidden) {
            CaseFilesServer.Response response = server.get("/api/v1/cases/" + c.caseId(), embassyTh);
            assertThat(response.status()).as(c.caseId()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("Planted").doesNotContain("VN");
            assertThat(disclosures(c.caseId(), Disclosure.READ)).noneMatch(d -> d.principal().equals("consul-th"));
        }
        assertThat(server.get("/api/v1/cases/" + UUID.randomUUID(), embassyTh).body())
                .as("an unknown case and a hidden one answer alike")
                .isEqualTo(server.get("/api/v1/cases/" + scenario.vn1.caseId(), embassyTh).body());
    }

    @Test
    void anErasedCaseShowsErasedWhereThePersonalDataWas() {
        JsonNode coordinatorView = read(scenario.th9, coordinator);
        JsonNode embassyView = read(scenario.th9, embassyTh);

        assertThat(coordinatorView.get("erased").asBoolean()).isTrue();
        assertThat(coordinatorView.get("personalData").asText()).isEqualTo("erased");
        assertThat(coordinatorView.at("/history/0/personal").asText()).isEqualTo("erased");
        assertThat(embassyView.get("personalData").asText()).isEqualTo("erased");
        assertThat(coordinatorView.toString() + embassyView).doesNotContain("Planted");
    }

    @Test
    void otherRolesAreRefusedAndUnknownCasesAre404() {
        String monitor = server.issue("monitor", "monitor-" + UUID.randomUUID().toString().substring(0, 6), "UNODC");
        assertThat(server.get("/api/v1/cases/" + scenario.th1.caseId(), monitor).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/cases/" + scenario.th1.caseId(), server.adminToken()).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/cases/" + scenario.th1.caseId(), null).status()).isEqualTo(401);
        CaseFilesServer.Response unknown = server.get("/api/v1/cases/" + UUID.randomUUID(), coordinator);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(server.get("/api/v1/cases/not%20a%20case", coordinator).status()).isEqualTo(404);
    }

    private static List<Disclosure> disclosures(String caseId, String action) {
        return server.bean(DisclosureLog.class).forCase(caseId).stream().filter(d -> d.action().equals(action)).toList();
    }
}
