package org.casetrack.standalone.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.casetrack.devstack.ApiClient;

/**
 * Prints the demo's numbers as the views answer them (coordinator: exact counts), once the views
 * have caught up with the demo's events or a bounded wait has passed.
 */
final class DemoSummary {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final ApiClient api;
    private final String token;
    private final PrintStream out;

    DemoSummary(ApiClient api, String token, PrintStream out) {
        this.api = api;
        this.token = token;
        this.out = out;
    }

    void print(Map<String, String> compounds) {
        String greatWall = compounds.get(DemoScenario.GREAT_WALL_PARK);
        String bavet = compounds.get(DemoScenario.BAVET);
        String poipet = compounds.get(DemoScenario.POIPET);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!caughtUp(greatWall, bavet, poipet) && System.nanoTime() < deadline) {
            pause();
        }
        JsonNode gwp = victims(greatWall);
        JsonNode bv = victims(bavet);
        JsonNode pp = victims(poipet);
        JsonNode near = victims(compounds.get(DemoScenario.NEAR_POIPET));
        JsonNode waiting = api.get("/api/v1/stats/unrepatriated", token).json();
        out.println("casetrack demo loaded (identities invented): " + compounds.size() + " compounds, "
                + (gwp.path("total").asInt() + bv.path("total").asInt() + pp.path("total").asInt() + near.path("total").asInt()) + " cases");
        out.println("  Great Wall Park, Sihanoukville: " + gwp.path("total") + " cases " + gwp.path("byNationality") + ", "
                + gwp.path("repatriated") + " repatriated through Ban Cham Yeam, " + gwp.path("detained") + " detained on arrival");
        out.println("  Bavet: " + bv.path("total") + " cases waiting in Phnom Penh " + bv.path("byNationality") + "; estimated "
                + bv.path("estimated").path("min") + "-" + bv.path("estimated").path("max") + " released (not added to the cases)");
        out.println("  Poipet: " + pp.path("total") + " case (fled the raid of 17 January 2026)");
        out.println("  New compound about 50 km from Poipet (5 January 2026): " + near.path("total") + " cases");
        out.println("  Unrepatriated: " + waiting.path("total") + " " + waiting.path("byNationality"));
        out.println("casetrack demo done");
    }

    private boolean caughtUp(String greatWall, String bavet, String poipet) {
        JsonNode gwp = victims(greatWall);
        return gwp.path("total").asInt() >= DemoScenario.BAN_CHAM_YEAM_GROUP
                && gwp.path("repatriated").asInt() >= DemoScenario.BAN_CHAM_YEAM_GROUP
                && gwp.path("detained").asInt() >= DemoScenario.ARRESTED_ON_ARRIVAL
                && victims(bavet).path("total").asInt() >= 12 && victims(poipet).path("total").asInt() >= 1;
    }

    private JsonNode victims(String compoundId) {
        ApiClient.Reply reply = api.get("/api/v1/compounds/" + compoundId + "/victims", token);
        return reply.status() == 200 ? reply.json() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void pause() {
        try {
            new CountDownLatch(1).await(250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the views", e);
        }
    }
}
