package org.casetrack.feeds.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.casetrack.avro.ServiceType;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.feeds.support.CaseEvents;
import org.casetrack.feeds.support.FeedTopicReader;
import org.casetrack.feeds.support.FeedsServer;
import org.casetrack.feeds.support.Response;
import org.casetrack.feeds.support.SseClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may see what, endpoint by endpoint: a TH embassy token gets 404 for a VN case, for a TH case
 * without consent and for another embassy's subscription; other roles get 403, no token 401; bad
 * subscriptions, internal targets included (production settings here), are refused and change nothing.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedAccessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PUBLIC_TARGET = "https://203.0.113.10/casetrack-hook";

    private final CaseEvents events = new CaseEvents();
    private FeedsServer feeds;
    private String thai;
    private String vietnameseEmbassy;

    @BeforeAll
    void start(TestScope scope) {
        feeds = FeedsServer.start(scope, Map.of("feeds.webhooks.allow-private-targets", false, "feeds.webhooks.allow-plain-http", false,
                "feeds.webhooks.timeout", "2s", "feeds.sse.max-streams", 1));
        thai = feeds.issue("embassy:TH");
        vietnameseEmbassy = feeds.issue("embassy:VN");
    }

    @AfterAll
    void stop() {
        feeds.close();
    }

    @Test
    void caseEntriesAreListedForAConsentingCaseAnd404ForEveryOtherCase() {
        String consenting = CaseEvents.newCaseId();
        String withoutConsent = CaseEvents.newCaseId();
        String vietnamese = CaseEvents.newCaseId();
        String consentForAnother = CaseEvents.newCaseId();
        feeds.publish(events.escape(withoutConsent, "TH"), events.referral(withoutConsent, ServiceType.SHELTER),
                events.escape(vietnamese, "VN"), events.consent(vietnamese, "embassy:VN", true, null),
                events.escape(consentForAnother, "TH"), events.consent(consentForAnother, "embassy:VN", true, null),
                events.escape(consenting, "TH"), events.consent(consenting, "embassy:TH", true, null),
                events.referral(consenting, ServiceType.MEDICAL));
        await().atMost(WAIT).until(() -> FeedTopicReader.readAll(feeds, "TH").stream().filter(r -> r.key().equals(consenting)).count() == 2);

        Response listed = feeds.call("GET", "/api/v1/feed/cases/" + consenting, thai, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("entries")).extracting(e -> e.get("eventType").asText()).containsExactly("ConsentRecorded", "ReferralMade");

        for (String hidden : new String[] {vietnamese, withoutConsent, consentForAnother, CaseEvents.newCaseId()}) {
            Response refused = feeds.call("GET", "/api/v1/feed/cases/" + hidden, thai, null);
            assertThat(refused.status()).as(hidden).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).isEqualTo("No case with this id is in your feed");
        }
        assertThat(feeds.call("GET", "/api/v1/feed/cases/" + vietnamese, vietnameseEmbassy, null).status()).isEqualTo(200);
        assertThat(feeds.call("GET", "/api/v1/feed/cases/" + consenting, vietnameseEmbassy, null).status()).isEqualTo(404);
    }

    @Test
    void anotherEmbassysSubscriptionAnswers404OnEveryEndpoint() {
        Response created = feeds.call("POST", "/api/v1/subscriptions", vietnameseEmbassy, subscription(PUBLIC_TARGET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        assertThat(feeds.call("GET", "/api/v1/subscriptions/" + id + "/parked", thai, null).status()).isEqualTo(404);
        assertThat(feeds.call("POST", "/api/v1/subscriptions/" + id + "/replay", thai, null).status()).isEqualTo(404);
        assertThat(feeds.call("DELETE", "/api/v1/subscriptions/" + id, thai, null).status()).isEqualTo(404);
        assertThat(feeds.call("GET", "/api/v1/subscriptions", thai, null).json().get("subscriptions"))
                .noneMatch(s -> s.get("id").asText().equals(id));
        assertThat(feeds.call("GET", "/api/v1/subscriptions/not-a-uuid/parked", thai, null).status()).isEqualTo(404);

        JsonNode own = feeds.call("GET", "/api/v1/subscriptions", vietnameseEmbassy, null).json().get("subscriptions");
        assertThat(own).anySatisfy(s -> {
            assertThat(s.get("id").asText()).isEqualTo(id);
            assertThat(s.get("agreement").asText()).isEqualTo("DSA-2026-004");
            assertThat(s.has("secret")).isFalse();
        });
        assertThat(feeds.call("POST", "/api/v1/subscriptions/" + id + "/replay", vietnameseEmbassy, null).status()).isEqualTo(409);
        assertThat(feeds.call("DELETE", "/api/v1/subscriptions/" + id, vietnameseEmbassy, null).status()).isEqualTo(204);
        assertThat(feeds.call("GET", "/api/v1/subscriptions/" + id + "/parked", vietnameseEmbassy, null).status()).isEqualTo(404);
    }

    @Test
    void otherRolesAreForbiddenAndAMissingTokenIsUnauthorised() throws Exception {
        String coordinator = feeds.issue("coordinator");
        for (String[] call : new String[][] {{"GET", "/api/v1/feed/cases/x"}, {"GET", "/api/v1/subscriptions"},
                {"GET", "/api/v1/subscriptions/x/parked"}, {"POST", "/api/v1/subscriptions/x/replay"}, {"DELETE", "/api/v1/subscriptions/x"}}) {
            Response forbidden = feeds.call(call[0], call[1], coordinator, null);
            assertThat(forbidden.status()).as(call[1]).isEqualTo(403);
            assertThat(forbidden.contentType()).startsWith("application/problem+json");
            assertThat(feeds.call(call[0], call[1], null, null).status()).as(call[1]).isEqualTo(401);
        }
        try (SseClient stream = SseClient.open(feeds.uri("/api/v1/feed"), coordinator, null)) {
            assertThat(stream.status()).isEqualTo(403);
        }
        try (SseClient stream = SseClient.open(feeds.uri("/api/v1/feed"), null, null)) {
            assertThat(stream.status()).isEqualTo(401);
        }
    }

    @Test
    void invalidSubscriptionsAreRefusedWithEveryFieldNamedAndNothingStored() {
        int before = feeds.call("GET", "/api/v1/subscriptions", thai, null).json().get("subscriptions").size();
        for (String target : new String[] {"https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://[::1]/hook", "https://169.254.169.254/",
                "http://203.0.113.10/hook", "ftp://203.0.113.10/hook", "https://user:pw@203.0.113.10/hook"}) {
            Response refused = feeds.call("POST", "/api/v1/subscriptions", thai, subscription(target));
            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asText()).as(target).containsExactly("url");
        }
        Response many = feeds.call("POST", "/api/v1/subscriptions", thai, "{\"url\":\"https://127.0.0.1/\",\"secret\":\"short\"}");
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("url", "secret", "agreement");
        assertThat(many.body()).doesNotContain("short").doesNotContain("127.0.0.1");
        Response unknownField = feeds.call("POST", "/api/v1/subscriptions", thai,
                "{\"url\":\"" + PUBLIC_TARGET + "\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\",\"agreement\":\"DSA-1\",\"events\":[]}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(feeds.call("POST", "/api/v1/subscriptions", thai, "{not json").status()).isEqualTo(400);

        assertThat(feeds.call("GET", "/api/v1/subscriptions", thai, null).json().get("subscriptions")).hasSize(before);
    }

    @Test
    void streamsBeyondTheLimitAreRefusedWith503UntilOneCloses() throws Exception {
        try (SseClient first = SseClient.open(feeds.uri("/api/v1/feed"), thai, null)) {
            assertThat(first.status()).isEqualTo(200);
            try (SseClient second = SseClient.open(feeds.uri("/api/v1/feed"), vietnameseEmbassy, null)) {
                assertThat(second.status()).isEqualTo(503);
                assertThat(second.contentType()).startsWith("application/problem+json");
            }
        }
        await().atMost(WAIT).until(() -> {
            try (SseClient again = SseClient.open(feeds.uri("/api/v1/feed"), vietnameseEmbassy, null)) {
                return again.status() == 200;
            }
        });
    }

    private static String subscription(String url) {
        return "{\"url\":\"" + url + "\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\",\"agreement\":\"DSA-2026-004\"}";
    }
}
