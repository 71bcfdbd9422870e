package org.casetrack.standalone.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.casetrack.devstack.ApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@link DemoScenario} through casetrack's own HTTP API, as a coordinator would, with a token
 * it issues for itself (always named {@value #LOADER}, so the same principal sends the same
 * Idempotency-Keys every time: a second load is answered from the ledger's memory and adds nothing)
 * and revokes when done. A request that is not confirmed (202, 429, 503) is retried with the same key.
 */
public final class DemoLoader {
    static final String LOADER = "demo-loader";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    private static final int ATTEMPTS = 30;

    private final ApiClient api;
    private final String adminToken;
    private final PrintStream out;
    private int requests;

    public DemoLoader(String baseUrl, String adminToken, PrintStream out) {
        this.api = new ApiClient(baseUrl);
        this.adminToken = adminToken;
        this.out = out;
    }

    public void load() {
        long started = System.nanoTime();
        String token = issueLoaderToken();
        try {
            Map<String, String> compounds = new LinkedHashMap<>();
            for (DemoScenario.Compound c : DemoScenario.compounds()) {
                compounds.put(c.slug(), post("/api/v1/compounds", token, "demo:compound:" + c.slug(), c.body()).get("compoundId").asText());
            }
            String poipet = compounds.get(DemoScenario.POIPET);
            post("/api/v1/compounds/" + poipet + "/status", token, "demo:poipet-raid", DemoScenario.poipetRaid());
            post("/api/v1/compounds/" + compounds.get(DemoScenario.BAVET) + "/headcounts", token, "demo:bavet-headcount",
                    DemoScenario.bavetHeadcount());
            List<String> thai = escape(token, "demo:escape:ban-cham-yeam", DemoScenario.banChamYeamEscape(), compounds);
            List<String> suratThani = escape(token, "demo:escape:surat-thani", DemoScenario.suratThaniEscape(), compounds);
            escape(token, "demo:escape:phnom-penh-group", DemoScenario.phnomPenhGroup(), compounds);
            for (int i = 0; i < thai.size(); i++) {
                post("/api/v1/cases/" + thai.get(i) + "/repatriation", token, "demo:repatriation:" + i, DemoScenario.repatriation());
            }
            for (int i = 0; i < DemoScenario.ARRESTED_ON_ARRIVAL; i++) {
                post("/api/v1/cases/" + thai.get(i) + "/arrest", token, "demo:arrest:" + i, DemoScenario.arrestOnArrival());
            }
            post("/api/v1/cases/" + suratThani.get(0) + "/consent", token, "demo:consent:surat-thani", DemoScenario.consentToThaiEmbassy());
            LOG.info("Demo scenario sent: {} requests in {} ms", requests, (System.nanoTime() - started) / 1_000_000);
            new DemoSummary(api, token, out).print(compounds);
        } finally {
            api.delete("/api/v1/tokens/" + LOADER, adminToken);
        }
    }

    private List<String> escape(String token, String key, Map<String, Object> body, Map<String, String> compounds) {
        Map<String, Object> report = new LinkedHashMap<>(body);
        report.put("compoundId", compounds.get((String) body.get("compoundId")));
        List<String> caseIds = new ArrayList<>();
        post("/api/v1/escapes", token, key, report).get("caseIds").forEach(id -> caseIds.add(id.asText()));
        return caseIds;
    }

    /** A coordinator token for the loader; one left over by an interrupted load is revoked first. */
    private String issueLoaderToken() {
        Map<String, Object> request = Map.of("role", "coordinator", "name", LOADER, "organisation", "casetrack demo",
                "expiresAt", Instant.now().plus(Duration.ofHours(1)).toString());
        ApiClient.Reply reply = api.post("/api/v1/tokens", adminToken, request);
        if (reply.status() == 409) {
            api.delete("/api/v1/tokens/" + LOADER, adminToken);
            reply = api.post("/api/v1/tokens", adminToken, request);
        }
        if (reply.status() != 201) {
            throw new IllegalStateException("The demo loader could not get a token: HTTP " + reply.status());
        }
        return reply.json().get("token").asText();
    }

    private JsonNode post(String path, String token, String idempotencyKey, Map<String, Object> body) {
        for (int attempt = 1; ; attempt++) {
            requests++;
            ApiClient.Reply reply = api.post(path, token, idempotencyKey, body);
            if (reply.status() == 201) {
                return reply.json();
            }
            boolean unconfirmed = reply.status() == 202 || reply.status() == 429 || reply.status() == 503;
            if (!unconfirmed || attempt >= ATTEMPTS) {
                // the problem's detail names rules and fields, never the (invented) personal data sent
                throw new IllegalStateException("Demo request " + idempotencyKey + " failed: HTTP " + reply.status() + " "
                        + (reply.status() >= 400 ? reply.json().path("detail").asText() : ""));
            }
            pause(reply.header("Retry-After").map(Integer::parseInt).orElse(1));
        }
    }

    private static void pause(int seconds) {
        try {
            new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the demo", e);
        }
    }
}
