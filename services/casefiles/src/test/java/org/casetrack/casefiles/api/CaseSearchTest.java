package org.casetrack.casefiles.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

/** {@code GET /api/v1/cases}: filters, paging in a stable order, what an embassy may list, 400s and disclosures. */
@ExtendWith(DevStackExtension.class)
class CaseSearchTest {
    private static CaseFilesServer server;
    private static CaseFilesScenario s;
    private static String coordinator;
    private static String embassyTh;
    private static String embassyVn;

    @BeforeAll
    static void start(TestScope scope) {
        server = CaseFilesServer.start(scope, Map.of());
        s = new CaseFilesScenario(server).written(server);
        coordinator = server.issue("coordinator", "coordinator-bo", "IOM Cambodia");
        embassyTh = server.issue("embassy:TH", "consul-th-2", "Royal Thai Embassy Phnom Penh");
        embassyVn = server.issue("embassy:VN", "consul-vn", "Embassy of Viet Nam");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode page(String query, String token) {
        CaseFilesServer.Response response = server.get("/api/v1/cases" + query, token);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("cases").forEach(c -> ids.add(c.get("caseId").asText()));
        return ids;
    }

    private static List<String> idsOf(CaseScript... cases) {
        return Stream.of(cases).map(CaseScript::caseId).toList();
    }

    @Test
    void eachFilterReturnsExactlyTheExpectedCasesInEscapeDateOrder() {
        assertThat(ids(page("?size=200", coordinator))).containsExactlyElementsOf(s.all().stream().map(CaseScript::caseId).toList());
        assertThat(ids(page("?nationality=TH", coordinator))).containsExactlyElementsOf(idsOf(s.th1, s.th2, s.th3, s.th4, s.th5, s.th8,
                s.th9, s.th6, s.th7));
        assertThat(ids(page("?lifecycle=REPATRIATED", coordinator))).containsExactlyElementsOf(idsOf(s.la1));
        assertThat(ids(page("?lifecycle=CLOSED", coordinator))).containsExactlyElementsOf(idsOf(s.kh1));
        assertThat(ids(page("?compoundId=" + s.greatWall.compoundId(), coordinator)))
                .containsExactlyElementsOf(idsOf(s.th1, s.th3, s.vn1, s.th9));
        assertThat(ids(page("?escapedFrom=2026-01-06&escapedTo=2026-01-09", coordinator)))
                .containsExactlyElementsOf(idsOf(s.th2, s.th3, s.vn1, s.la1));
        assertThat(ids(page("?needs=MEDICAL", coordinator))).containsExactlyElementsOf(idsOf(s.th1));
        assertThat(ids(page("?needs=LEGAL&nationality=TH&lifecycle=OPEN", coordinator))).containsExactlyElementsOf(idsOf(s.th7));
        assertThat(ids(page("?q=" + encode("great wall"), coordinator))).containsExactlyElementsOf(idsOf(s.th1, s.th3, s.vn1, s.th9));
        assertThat(ids(page("?q=" + encode("Ban Cham"), coordinator))).containsExactlyElementsOf(idsOf(s.la1));
    }

    @Test
    void freeTextNeverMatchesPersonalData() {
        JsonNode byName = page("?q=" + encode("Somchai"), coordinator);
        JsonNode byLocation = page("?q=" + encode("safe house"), coordinator);

        assertThat(byName.get("total").asLong()).isZero();
        assertThat(byLocation.get("total").asLong()).isZero();
    }

    @Test
    void pagesHaveAStableOrderAndSayTheTotal() {
        List<String> paged = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            JsonNode page = page("?size=5&page=" + p, coordinator);
            assertThat(page.get("total").asLong()).isEqualTo(12);
            assertThat(page.get("page").asInt()).isEqualTo(p);
            paged.addAll(ids(page));
        }
        assertThat(paged).containsExactlyElementsOf(s.all().stream().map(CaseScript::caseId).toList());
        assertThat(ids(page("?size=5&page=3", coordinator))).isEmpty();
    }

    @Test
    void aCoordinatorListShowsDecryptedNamesAndTheErasedOneAsErased() {
        JsonNode page = page("?nationality=TH&size=200", coordinator);

        assertThat(page.at("/cases/0/fullName").asText()).isEqualTo(CaseFilesScenario.TH1_NAME);
        assertThat(page.at("/cases/6/caseId").asText()).isEqualTo(s.th9.caseId());
        assertThat(page.at("/cases/6/fullName").asText()).isEqualTo("erased");
        assertThat(page.at("/cases/0/whereabouts").asText()).isEqualTo("CRIMINAL_DETENTION");
    }

    @Test
    void anEmbassyListsOnlyItsConsentingNationalsWithTheirTotal() {
        JsonNode th = page("", embassyTh);
        JsonNode vn = page("", embassyVn);

        assertThat(ids(th)).containsExactlyElementsOf(idsOf(s.th1, s.th8, s.th9));
        assertThat(th.get("total").asLong()).isEqualTo(3);
        assertThat(th.at("/cases/0/whereabouts").asText()).as("a detention shows as unknown").isEqualTo("UNKNOWN");
        assertThat(ids(vn)).containsExactlyElementsOf(idsOf(s.vn1));
        assertThat(page("?nationality=VN", embassyTh).get("total").asLong()).isZero();
        assertThat(ids(page("?compoundId=" + s.greatWall.compoundId(), embassyTh))).containsExactlyElementsOf(idsOf(s.th1, s.th9));
        assertThat(th.toString()).doesNotContain(s.th2.caseId()).doesNotContain(s.th3.caseId()).doesNotContain(s.th4.caseId());
    }

    @Test
    void listsAndSearchesWriteOneDisclosureRowPerCaseReturned() {
        page("", embassyTh);
        for (CaseScript c : List.of(s.th1, s.th8, s.th9)) {
            assertThat(disclosures(c, Disclosure.LIST)).anySatisfy(d -> assertThat(d.principal()).isEqualTo("consul-th-2"));
        }
        assertThat(disclosures(s.th2, Disclosure.LIST)).noneMatch(d -> d.principal().equals("consul-th-2"));

        int before = disclosures(s.th2, Disclosure.SEARCH).size();
        int notOnPage = disclosures(s.th3, Disclosure.SEARCH).size();
        JsonNode two = page("?nationality=TH&size=2", coordinator);
        assertThat(ids(two)).containsExactlyElementsOf(idsOf(s.th1, s.th2));
        assertThat(disclosures(s.th2, Disclosure.SEARCH)).hasSize(before + 1);
        assertThat(disclosures(s.th2, Disclosure.SEARCH).get(before).principal()).isEqualTo("coordinator-bo");
        assertThat(disclosures(s.th3, Disclosure.SEARCH)).as("a case not on the page").hasSize(notOnPage);
    }

    @Test
    void badFiltersAre400ProblemsNamingEachParameter() {
        CaseFilesServer.Response response = server.get("/api/v1/cases?lifecycle=LOST&escapedFrom=2026-13-01&size=201&page=-1"
                + "&needs=FLYING&nationality=th", coordinator);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("lifecycle", "escapedFrom", "size", "page", "needs", "nationality");
        assertThat(server.get("/api/v1/cases?escapedFrom=2026-01-10&escapedTo=2026-01-01", coordinator).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/cases?q=" + encode("Somchai Planted"), embassyTh).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/cases?size=201", embassyTh).body()).doesNotContain("201");
    }

    @Test
    void monitorsAndAdministratorsMayNotListCases() {
        String monitor = server.issue("monitor", "monitor-search", "UNODC");
        assertThat(server.get("/api/v1/cases", monitor).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/cases", server.adminToken()).status()).isEqualTo(403);
        assertThat(server.get("/api/v1/cases", null).status()).isEqualTo(401);
    }

    private static List<Disclosure> disclosures(CaseScript c, String action) {
        return server.bean(DisclosureLog.class).forCase(c.caseId()).stream().filter(d -> d.action().equals(action)).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
