package org.casetrack.feeds.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.ServiceType;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.feeds.store.FeedsDatabase;
import org.casetrack.feeds.support.CapturedLogs;
import org.casetrack.feeds.support.CaseEvents;
import org.casetrack.feeds.support.FeedTopicReader;
import org.casetrack.feeds.support.FeedsServer;
import org.casetrack.feeds.support.Receiver;
import org.casetrack.feeds.support.Receiver.Delivery;
import org.casetrack.feeds.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhook deliveries to a local receiver: signed, in order, retried, suspended, replayed. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String KEY_BASE64 = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SECRET = "whsec_" + KEY_BASE64;

    private final CaseEvents events = new CaseEvents();
    private FeedsServer feeds;
    private String embassy;

    /** Six attempts per delivery: five failures and the sixth succeeds; six failures park it. Short waits, with jitter. */
    @BeforeAll
    void start(TestScope scope) {
        feeds = FeedsServer.start(scope, Map.of("feeds.webhooks.initial-backoff", "50ms", "feeds.webhooks.max-backoff", "400ms",
                "feeds.webhooks.attempts", 6, "feeds.webhooks.timeout", "5s"));
        embassy = feeds.issue("embassy:TH");
        String a = CaseEvents.newCaseId();
        String b = CaseEvents.newCaseId();
        String vietnamese = CaseEvents.newCaseId();
        feeds.publish(events.escape(a, "TH"), events.consent(a, "embassy:TH", true, null), events.referral(a, ServiceType.SHELTER),
                events.escape(vietnamese, "VN"), events.consent(vietnamese, "embassy:VN", true, null),
                events.escape(b, "TH"), events.consent(b, "embassy:TH", true, null), events.scheduled(a), events.assistance(b, ServiceType.MEDICAL));
        await().atMost(WAIT).until(() -> FeedTopicReader.readAll(feeds, "TH").size() == 5);
    }

    @AfterAll
    void stop() {
        feeds.close();
        // the secret went in with every subscription and was opened by every worker: never into a log line
        assertThat(CapturedLogs.lines()).isNotEmpty().noneMatch(l -> l.contains(KEY_BASE64) || l.contains("sealed personal data"));
    }

    /** Each test's receiver goes away with it: so does its subscription. */
    @AfterEach
    void unsubscribe() {
        for (JsonNode s : feeds.call("GET", "/api/v1/subscriptions", embassy, null).json().get("subscriptions")) {
            assertThat(feeds.call("DELETE", "/api/v1/subscriptions/" + s.get("id").asText(), embassy, null).status()).isEqualTo(204);
        }
    }

    @Test
    void deliveriesCarryStandardWebhooksHeadersWhoseSignaturesVerify() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            String id = subscribe(receiver);
            List<ConsumerRecord<String, FeedEntry>> feed = FeedTopicReader.readAll(feeds, "TH");
            await().atMost(WAIT).until(() -> receiver.accepted().size() >= feed.size());

            List<Delivery> accepted = receiver.accepted();
            assertThat(accepted).extracting(Delivery::id).containsExactlyElementsOf(webhookIds(feed));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY_BASE64), "HmacSHA256"));
            for (Delivery d : accepted) {
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((d.id() + "." + d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8)));
                assertThat(d.signature()).isEqualTo(expected);
                assertThat(Long.parseLong(d.timestamp())).isBetween(Instant.now().minusSeconds(300).getEpochSecond(), Instant.now().getEpochSecond());
                assertThat(d.contentType()).isEqualTo("application/json");
            }
            assertThat(ReadmeVerifier.verify(SECRET, accepted.get(0))).isEqualTo("True");
            Delivery tampered = new Delivery(accepted.get(0).id(), accepted.get(0).timestamp(), accepted.get(0).signature(),
                    accepted.get(0).contentType(), accepted.get(0).body().replace("\"offset\"", "\"offset\" "), 200);
            assertThat(ReadmeVerifier.verify(SECRET, tampered)).isEqualTo("False");
            JsonNode first = JSON.readTree(accepted.get(0).body());
            assertThat(first.get("type").asText()).isEqualTo(feed.get(0).value().getEventType());
            assertThat(first.get("data").get("caseId").asText()).isEqualTo(feed.get(0).key());
            assertThat(first.get("data").get("offset").asLong()).isEqualTo(feed.get(0).offset());

            List<Disclosure> disclosed = feeds.bean(DisclosureLog.class).forCase(feed.get(0).key());
            assertThat(disclosed).filteredOn(x -> x.action().equals(Disclosure.WEBHOOK))
                    .anySatisfy(x -> assertThat(x.what()).contains(id).contains(accepted.get(0).id()))
                    .allSatisfy(x -> assertThat(x.why()).isEqualTo("agreement DSA-2026-004"));
            assertThat(storedSubscription(id)).doesNotContain(SECRET).doesNotContain(KEY_BASE64);
        }
    }

    @Test
    void aReceiverThatFailsFiveTimesThenRecoversGetsEveryEventOnceInOrder() throws Exception {
        try (Receiver receiver = Receiver.start().failNext(5)) {
            String id = subscribe(receiver);
            List<ConsumerRecord<String, FeedEntry>> feed = FeedTopicReader.readAll(feeds, "TH");
            await().atMost(WAIT).until(() -> receiver.accepted().size() >= feed.size());

            assertThat(receiver.accepted()).extracting(Delivery::id).containsExactlyElementsOf(webhookIds(feed));
            List<Delivery> all = receiver.deliveries();
            assertThat(all.subList(0, 6)).extracting(Delivery::id).containsOnly(webhookIds(feed).get(0));
            assertThat(all.subList(0, 5)).noneMatch(Delivery::accepted);
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertThat(feeds.call("GET", "/api/v1/subscriptions/" + id + "/parked", embassy, null).json().get("parked")).isEmpty();
        }
    }

    @Test
    void aReceiverThatNeverRecoversIsSuspendedAndAReplayDeliversEverythingInOrder() throws Exception {
        try (Receiver receiver = Receiver.start().goDown()) {
            String id = subscribe(receiver);
            await().atMost(WAIT).until(() -> status(id).equals("SUSPENDED"));
            List<ConsumerRecord<String, FeedEntry>> before = FeedTopicReader.readAll(feeds, "TH");
            JsonNode parked = feeds.call("GET", "/api/v1/subscriptions/" + id + "/parked", embassy, null).json().get("parked");
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0).get("webhookId").asText()).isEqualTo(webhookIds(before).get(0));
            assertThat(parked.get(0).get("attempts").asInt()).isEqualTo(6);
            assertThat(parked.get(0).get("lastError").asText()).isEqualTo("HTTP 503");
            assertThat(receiver.deliveries()).hasSize(6);
            assertThat(feeds.bean(WebhookWorkers.class).isRunning(UUID.fromString(id))).isFalse();

            String later = CaseEvents.newCaseId();
            feeds.publish(events.escape(later, "TH"), events.consent(later, "embassy:TH", true, null));
            await().atMost(WAIT).until(() -> FeedTopicReader.readAll(feeds, "TH").size() == before.size() + 1);
            receiver.recover();
            Response replay = feeds.call("POST", "/api/v1/subscriptions/" + id + "/replay", embassy, null);
            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.json().get("released").asInt()).isEqualTo(1);

            List<ConsumerRecord<String, FeedEntry>> feed = FeedTopicReader.readAll(feeds, "TH");
            await().atMost(WAIT).until(() -> receiver.accepted().size() >= feed.size());
            assertThat(receiver.accepted()).extracting(Delivery::id).containsExactlyElementsOf(webhookIds(feed));
            assertThat(status(id)).isEqualTo("ACTIVE");
            assertThat(feeds.call("GET", "/api/v1/subscriptions/" + id + "/parked", embassy, null).json().get("parked")).isEmpty();
        }
    }

    @Test
    void deletingASubscriptionStopsItsDeliveriesAndDestroysItsSecret() throws Exception {
        try (Receiver receiver = Receiver.start().goDown()) {
            String id = subscribe(receiver);
            String keyId;
            try (Connection c = feeds.bean(FeedsDatabase.class).dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT secret_key_id FROM \"primary\".webhook_subscriptions WHERE id = ?")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    keyId = rs.getString(1);
                }
            }
            assertThat(feeds.bean(DataKeyStore.class).find(keyId)).isPresent();

            assertThat(feeds.call("DELETE", "/api/v1/subscriptions/" + id, embassy, null).status()).isEqualTo(204);

            assertThat(feeds.bean(WebhookWorkers.class).isRunning(UUID.fromString(id))).isFalse();
            assertThat(feeds.bean(DataKeyStore.class).find(keyId)).isEmpty();
            int seen = receiver.deliveries().size();
            receiver.recover();
            assertThat(feeds.call("GET", "/api/v1/subscriptions", embassy, null).json().get("subscriptions"))
                    .noneMatch(s -> s.get("id").asText().equals(id));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries().size() == seen);
        }
    }

    private String subscribe(Receiver receiver) {
        Response created = feeds.call("POST", "/api/v1/subscriptions", embassy,
                "{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET + "\",\"agreement\":\"DSA-2026-004\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(KEY_BASE64);
        return created.json().get("id").asText();
    }

    private String status(String id) {
        for (JsonNode s : feeds.call("GET", "/api/v1/subscriptions", embassy, null).json().get("subscriptions")) {
            if (s.get("id").asText().equals(id)) {
                return s.get("status").asText();
            }
        }
        throw new AssertionError("No subscription " + id);
    }

    private List<String> webhookIds(List<ConsumerRecord<String, FeedEntry>> feed) {
        return feed.stream().map(r -> r.topic() + ":" + r.offset()).toList();
    }

    /** Every column of the subscription's row as text, the sealed secret bytes included (as UTF-8 and base64). */
    private String storedSubscription(String id) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = feeds.bean(FeedsDatabase.class).dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM \"primary\".webhook_subscriptions WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        text.append(new String(bytes, StandardCharsets.ISO_8859_1)).append(Base64.getEncoder().encodeToString(bytes));
                    } else {
                        text.append(value);
                    }
                    text.append('|');
                }
            }
        }
        return text.toString();
    }
}
