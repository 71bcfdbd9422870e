package org.casetrack.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.views.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against intake, the ledger and the
 * views on the real broker and database: a monitor signs in, reads the numbers the views API gives
 * a monitor, sees a new report arrive without a reload, switches to Thai and Khmer; screenshots at a
 * phone's width and a desktop's go to target/screenshots/.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_STREAMS = 4;
    static final int PHONE = 390;
    static final int DESKTOP = 1280;

    DashboardStack stack;
    Browser browser;
    FieldReports reports;
    String coordinator, monitor, gwp, poipet;

    @BeforeAll
    void start(TestScope scope) {
        browser = Browser.start();
        stack = DashboardStack.start(scope, Map.of("views.dashboard.max-streams", MAX_STREAMS));
        stack.awaitViewsRunning();
        coordinator = stack.token("coordinator");
        monitor = stack.token("monitor");
        reports = new FieldReports(stack.api, coordinator);
        gwp = reports.compound("Great Wall Park", "Preah Sihanouk", "Sihanoukville", 60);
        poipet = reports.compound("Compound near Poipet", "Banteay Meanchey", "Poipet", 40);
        reports.headcount(gwp, 150, 250);
        reports.escape(gwp, "TH", 12, 3);
        reports.escape(poipet, "VN", 8, 20);
        reports.escape(poipet, "CN", 2, 20);
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(stack.url(), "/api/v1/stats/unrepatriated", coordinator)
                .body().path("total").asInt() >= 22);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void freshPage() {
        browser.driver.get(stack.url() + "/dashboard");
        browser.script("localStorage.clear()");
        browser.driver.navigate().refresh();
        browser.width(DESKTOP);
        browser.consoleErrors(); // what earlier tests left in the console
    }

    void signIn(String token) {
        browser.find("#token").sendKeys(token);
        browser.find("#sign-in button[type=submit]").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.find("#board").isDisplayed()
                && !browser.text("#unrepatriated-total").isEmpty());
    }

    String shown(String compoundId, String field) {
        return browser.text("tr[data-compound-id='" + compoundId + "'] td[data-field='" + field + "']");
    }

    @Test
    void whileTheServerAnswers503ThePageSaysUpdatingAndKeepsTryingUntilItIsLive() throws Exception {
        // every stream slot taken: the server answers the page's stream with a real 503 and Retry-After
        List<SseReader> held = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                SseReader stream = SseReader.open(stack.url(), coordinator);
                held.add(stream);
                return stream.status == 503;
            });
            SseReader refused = held.get(held.size() - 1);
            assertThat(refused.contentType).startsWith("application/problem+json");
            assertThat(refused.retryAfter).isNotBlank();
            browser.script("window.states = []; const s = document.getElementById('status');"
                    + "new MutationObserver(() => window.states.push(s.dataset.state)).observe(s, {attributeFilter: ['data-state']});");
            browser.find("#token").sendKeys(monitor);
            browser.find("#sign-in button[type=submit]").click();
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.text("#status").equals("Updating… the numbers are being recalculated"));
            assertThat(browser.find("#board").isDisplayed()).isFalse();
        } finally {
            for (SseReader stream : held) {
                stream.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(browser.find("#status").getDomAttribute("data-state")));
        List<String> states = ((List<?>) browser.script("return window.states")).stream().map(String::valueOf).toList();
        assertThat(states).as("states the page went through").startsWith("connecting", "updating").endsWith("live")
                .doesNotContain("signedOut", "offline");
        assertThat(browser.text("#unrepatriated-total")).isNotEmpty();
    }

    @Test
    void aMonitorSeesTheLiveNumbersOfTheApiANewReportWithoutReloadingAndTheLabelsInThaiAndKhmer() {
        signIn(monitor);
        assertThat(browser.driver.getCurrentUrl()).as("the token never goes into the address").isEqualTo(stack.url() + "/dashboard");
        assertThat(browser.text("#status")).isEqualTo("Live");
        JsonNode api = Http.get(stack.url(), "/api/v1/stats/unrepatriated", monitor).body();
        assertPageShows(api);
        assertThat(browser.text("#chart-nationalities [data-nationality='CN'] .bar-value")).isEqualTo("<5");
        assertThat(browser.text("#chart-nationalities [data-nationality='TH'] .bar-value")).isEqualTo("12");
        assertThat(browser.text("#chart-compounds [data-compound='" + gwp + "'] .estimated .bar-value")).isEqualTo("150–250");
        assertThat(browser.fetched()).as("no font is fetched while the page is in English").noneMatch(u -> u.endsWith(".woff2"));
        browser.screenshot("dashboard-desktop-en", DESKTOP);
        browser.screenshot("dashboard-phone-en", PHONE);
        assertFitsThePhone();

        int total = api.get("total").asInt();
        int gwpTotal = Integer.parseInt(shown(gwp, "total"));
        reports.escape(gwp, "TH", 6, 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(browser.text("#unrepatriated-total")).isEqualTo(String.valueOf(total + 6));
            assertThat(shown(gwp, "total")).isEqualTo(String.valueOf(gwpTotal + 6));
        });
        assertPageShows(Http.get(stack.url(), "/api/v1/stats/unrepatriated", monitor).body());
        browser.screenshot("dashboard-desktop-en-after-report", DESKTOP);

        browser.find("[data-language='th']").click();
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("th");
        assertThat(browser.text("h1")).isEqualTo("ตัวเลขล่าสุด");
        assertThat(browser.text("#h-registry")).isEqualTo("ทะเบียนแหล่ง");
        assertThat(browser.text("#unrepatriated-total")).isEqualTo(digits(total + 6, '๐'));
        assertThat(shown(gwp, "total")).isEqualTo(digits(gwpTotal + 6, '๐'));
        assertThat(browser.text("#chart-nationalities [data-nationality='CN'] .bar-value")).as("stays as sent").isEqualTo("<5");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.fetched().stream().anyMatch(u -> u.endsWith("noto-sans-thai-thai-400-normal.woff2")));
        assertThat(browser.fetched()).noneMatch(u -> u.contains("khmer"));
        browser.screenshot("dashboard-desktop-th", DESKTOP);
        browser.screenshot("dashboard-phone-th", PHONE);
        assertFitsThePhone();

        browser.find("[data-language='km']").click();
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("km");
        assertThat(browser.text("h1")).isEqualTo("តួលេខបច្ចុប្បន្ន");
        assertThat(browser.text("#unrepatriated-total")).isEqualTo(digits(total + 6, '០'));
        assertThat(shown(gwp, "total")).isEqualTo(digits(gwpTotal + 6, '០'));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.fetched().stream().anyMatch(u -> u.endsWith("noto-sans-khmer-khmer-400-normal.woff2")));
        browser.screenshot("dashboard-phone-km", PHONE);
        browser.screenshot("dashboard-desktop-km", DESKTOP);
        assertFitsThePhone();

        browser.find("#sign-out").click();
        assertThat(browser.find("#board").isDisplayed()).isFalse();
        assertThat(browser.findAll("#registry-body tr")).as("numbers are dropped on sign-out").isEmpty();
        assertThat(browser.consoleErrors()).as("script errors or failed loads").isEmpty();
    }

    @Test
    void neitherTheStreamNorThePageEverCarriesPersonalData() throws Exception {
        List<String> planted = List.of("Kanokwan Srisawat-Marker", "MK7781234", "+66815550199", "Golden Guesthouse room 12",
                "Marker note: beaten for missing quotas", "Marker health: fractured finger", "1999-04-03");
        Map<String, Object> person = new LinkedHashMap<>(FieldReports.person("MM"));
        person.put("personalData", Map.of("fullName", planted.get(0), "birthDate", planted.get(6),
                "documents", List.of(Map.of("kind", "PASSPORT", "number", planted.get(1), "issuingCountry", "MM")),
                "contacts", List.of(Map.of("channel", "phone", "value", planted.get(2))),
                "currentLocation", planted.get(3), "notes", planted.get(4), "health", planted.get(5)));
        try (SseReader exact = SseReader.open(stack.url(), coordinator); SseReader suppressed = SseReader.open(stack.url(), monitor)) {
            int before = poipetTotal(exact.next(Duration.ofSeconds(30)));
            suppressed.next(Duration.ofSeconds(30));
            reports.escape(poipet, List.of(person), 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> poipetTotal(exact.next(Duration.ofSeconds(1))) == before + 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> suppressed.next(Duration.ofSeconds(1)) != null);

            signIn(coordinator);
            await().atMost(Duration.ofSeconds(30)).until(() -> shown(poipet, "total").equals(String.valueOf(before + 1)));
            String page = browser.driver.getPageSource();
            String snapshots = Http.get(stack.url(), "/api/v1/dashboard/snapshot", coordinator).body().toString()
                    + Http.get(stack.url(), "/api/v1/dashboard/snapshot", monitor).body().toString();
            for (String value : planted) {
                assertThat(exact.raw()).as("coordinator's stream").doesNotContain(value);
                assertThat(suppressed.raw()).as("monitor's stream").doesNotContain(value);
                assertThat(snapshots).doesNotContain(value);
                assertThat(page).as("the page").doesNotContain(value);
            }
        }
    }

    private static int poipetTotal(SseReader.Event event) throws Exception {
        if (event == null || !event.name().equals("snapshot")) {
            return -1;
        }
        JsonNode snapshot = JSON.readTree(event.data());
        for (JsonNode c : snapshot.get("compounds")) {
            if (c.get("registered").asBoolean() && c.get("name").asText().equals("Compound near Poipet")) {
                return c.get("total").asInt();
            }
        }
        return -1;
    }

    /** Every unrepatriated count and every compound's counts on the page are what the API answers the same token. */
    private void assertPageShows(JsonNode unrepatriated) {
        assertThat(browser.text("#unrepatriated-total")).isEqualTo(unrepatriated.get("total").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = unrepatriated.get("byNationality").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> n = it.next();
            assertThat(browser.text("#chart-nationalities [data-nationality='" + n.getKey() + "'] .bar-value")).as(n.getKey())
                    .isEqualTo(n.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = unrepatriated.get("byDaysWaiting").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            assertThat(browser.text("#chart-waiting [data-bucket='" + b.getKey() + "'] .bar-value")).as(b.getKey())
                    .isEqualTo(b.getValue().asText());
        }
        for (JsonNode c : Http.get(stack.url(), "/api/v1/compounds", monitor).body().get("compounds")) {
            for (String field : List.of("total", "unrepatriated", "repatriated", "detained")) {
                assertThat(shown(c.get("compoundId").asText(), field)).as("%s of %s", field, c.get("compoundId"))
                        .isEqualTo(c.get(field).asText());
            }
        }
    }

    private void assertFitsThePhone() {
        browser.width(PHONE);
        Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("the page does not scroll sideways at %d px", PHONE).isLessThanOrEqualTo(0);
        browser.width(DESKTOP);
    }

    static String digits(int value, char zero) {
        StringBuilder s = new StringBuilder();
        for (char c : String.valueOf(value).toCharArray()) {
            s.append((char) (zero + (c - '0')));
        }
        return s.toString();
    }
}
