package org.casetrack.feeds.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.platform.config.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.ServiceType;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.feeds.support.CaseEvents;
import org.casetrack.feeds.support.FeedTopicReader;
import org.casetrack.feeds.support.FeedsServer;
import org.casetrack.feeds.support.SseClient;
import org.casetrack.feeds.support.SseClient.SseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SSE feed: resuming after a disconnect, an offset gone by retention, consent checked again at delivery. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final CaseEvents events = new CaseEvents();
    private FeedsServer feeds;

    @BeforeAll
    void start(TestScope scope) {
        feeds = FeedsServer.start(scope, Map.of());
    }

    @AfterAll
    void stop() {
        feeds.close();
    }

    @Test
    void reconnectingWithLastEventIdResumesRightAfterItWithNoGapAndNoDuplicate() throws Exception {
        String token = feeds.issue("embassy:TH");
        String a = CaseEvents.newCaseId();
        String b = CaseEvents.newCaseId();
        String withoutConsent = CaseEvents.newCaseId();
        String vietnamese = CaseEvents.newCaseId();
        String startAfter = lastIdOf("TH");
        feeds.publish(events.escape(a, "TH"), events.consent(a, "embassy:TH", true, null), events.referral(a, ServiceType.SHELTER),
                events.escape(withoutConsent, "TH"), events.referral(withoutConsent, ServiceType.SHELTER),
                events.escape(vietnamese, "VN"), events.consent(vietnamese, "embassy:VN", true, null),
                events.escape(b, "TH"), events.consent(b, "embassy:TH", true, null), events.assistance(b, ServiceType.MEDICAL));

        List<SseEvent> received = new ArrayList<>();
        try (SseClient first = SseClient.open(feeds.uri("/api/v1/feed"), token, startAfter)) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).startsWith("text/event-stream");
            received.addAll(first.take(3, WAIT));
        }
        feeds.publish(events.scheduled(a), events.referral(b, ServiceType.LEGAL), events.repatriated(a));
        try (SseClient second = SseClient.open(feeds.uri("/api/v1/feed"), token, received.get(received.size() - 1).id())) {
            assertThat(second.status()).isEqualTo(200);
            received.addAll(second.take(4, WAIT));
            assertThat(second.next(Duration.ofSeconds(3))).satisfiesAnyOf(
                    e -> assertThat(e).isNull(), e -> assertThat(e.data()).isNullOrEmpty());
        }

        List<ConsumerRecord<String, FeedEntry>> feed = FeedTopicReader.readAll(feeds, "TH").stream()
                .filter(r -> startAfter == null || r.offset() > Long.parseLong(startAfter)).toList();
        assertThat(feed).hasSize(7);
        assertThat(received).extracting(SseEvent::id).containsExactlyElementsOf(feed.stream().map(r -> Long.toString(r.offset())).toList());
        assertThat(received).extracting(SseEvent::event).containsExactlyElementsOf(feed.stream().map(r -> r.value().getEventType()).toList());
        List<JsonNode> data = new ArrayList<>();
        for (SseEvent event : received) {
            data.add(JSON.readTree(event.data()));
        }
        assertThat(data).extracting(d -> d.get("caseId").asText()).containsOnly(a, b);
        assertThat(data).extracting(d -> d.get("eventId").asText())
                .containsExactlyElementsOf(feed.stream().map(r -> r.value().getEventId().toString()).toList());
        assertThat(data).extracting(d -> d.get("offset").asText()).containsExactlyElementsOf(received.stream().map(SseEvent::id).toList());

        List<Disclosure> disclosed = feeds.bean(DisclosureLog.class).forCase(a);
        assertThat(disclosed).extracting(Disclosure::action).containsOnly(Disclosure.FEED);
        assertThat(disclosed).hasSizeGreaterThanOrEqualTo(4);
        assertThat(disclosed).allSatisfy(d -> assertThat(d.organisation()).isEqualTo("Embassy test"));
        assertThat(feeds.bean(DisclosureLog.class).forCase(withoutConsent)).isEmpty();
        assertThat(feeds.bean(DisclosureLog.class).forCase(vietnamese)).isEmpty();
    }

    @Test
    void anOffsetGoneByRetentionAnswers410AndTheNextRetainedOneResumes() throws Exception {
        String token = feeds.issue("embassy:VN");
        String caseId = CaseEvents.newCaseId();
        feeds.publish(events.escape(caseId, "VN"), events.consent(caseId, "embassy:VN", true, null),
                events.referral(caseId, ServiceType.SHELTER), events.referral(caseId, ServiceType.MEDICAL),
                events.referral(caseId, ServiceType.LEGAL));
        await().atMost(WAIT).until(() -> FeedTopicReader.readAll(feeds, "VN").stream().filter(r -> r.key().equals(caseId)).count() == 4);
        List<ConsumerRecord<String, FeedEntry>> before = FeedTopicReader.readAll(feeds, "VN");
        long kept = before.get(before.size() - 2).offset();
        TopicPartition partition = new TopicPartition(feeds.topics().embassyFeedName("VN"), 0);
        feeds.bean(org.apache.kafka.clients.admin.Admin.class)
                .deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(kept))).all().get();

        try (SseClient gone = SseClient.open(feeds.uri("/api/v1/feed"), token, Long.toString(kept - 2))) {
            assertThat(gone.status()).isEqualTo(410);
            assertThat(gone.contentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(gone.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:casetrack:problem:feed-reset");
            assertThat(problem.get("status").asInt()).isEqualTo(410);
            assertThat(problem.get("detail").asText()).contains("offsets " + kept + " to");
        }
        try (SseClient resumed = SseClient.open(feeds.uri("/api/v1/feed"), token, Long.toString(kept - 1))) {
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.take(2, WAIT)).extracting(SseEvent::id)
                    .containsExactly(Long.toString(kept), Long.toString(before.get(before.size() - 1).offset()));
        }
        try (SseClient fromStart = SseClient.open(feeds.uri("/api/v1/feed"), token, null)) {
            assertThat(fromStart.take(1, WAIT).get(0).id()).isEqualTo(Long.toString(kept));
        }
    }

    @Test
    void recordsOfAConsentWithdrawnSinceAreKeptBackFromReadersThatHadNotReceivedThem() throws Exception {
        String token = feeds.issue("embassy:TH");
        String withdrawn = CaseEvents.newCaseId();
        String staying = CaseEvents.newCaseId();
        feeds.publish(events.escape(withdrawn, "TH"), events.consent(withdrawn, "embassy:TH", true, null),
                events.referral(withdrawn, ServiceType.SHELTER));
        await().atMost(WAIT).until(() -> FeedTopicReader.readAll(feeds, "TH").stream().filter(r -> r.key().equals(withdrawn)).count() == 2);
        feeds.publish(events.consent(withdrawn, "embassy:TH", false, null),
                events.escape(staying, "TH"), events.consent(staying, "embassy:TH", true, null));
        await().atMost(WAIT).until(() -> FeedTopicReader.readAll(feeds, "TH").stream().anyMatch(r -> r.key().equals(staying)));
        long stayingOffset = FeedTopicReader.readAll(feeds, "TH").stream().filter(r -> r.key().equals(staying)).findFirst().orElseThrow().offset();
        long withdrawnOffset = FeedTopicReader.readAll(feeds, "TH").stream().filter(r -> r.key().equals(withdrawn)).findFirst().orElseThrow().offset();

        String resumeAfter = withdrawnOffset == 0 ? null : Long.toString(withdrawnOffset - 1);
        try (SseClient client = SseClient.open(feeds.uri("/api/v1/feed"), token, resumeAfter)) {
            SseEvent next = client.take(1, WAIT).get(0);
            assertThat(next.id()).isEqualTo(Long.toString(stayingOffset));
            assertThat(JSON.readTree(next.data()).get("caseId").asText()).isEqualTo(staying);
        }
        assertThat(feeds.bean(DisclosureLog.class).forCase(withdrawn)).isEmpty();
    }

    @Test
    void anIdleStreamSendsHeartbeatComments() throws Exception {
        String token = feeds.issue("embassy:TH");
        try (SseClient client = SseClient.open(feeds.uri("/api/v1/feed"), token, lastIdOf("TH"))) {
            assertThat(client.status()).isEqualTo(200);
            SseEvent heartbeat = client.next(Duration.ofSeconds(30));
            assertThat(heartbeat).isNotNull();
            assertThat(heartbeat.comment()).isEqualTo("heartbeat");
            assertThat(heartbeat.data()).isNullOrEmpty();
        }
    }

    @Test
    void aPoisonCaseEventGoesToTheDeadLetterTopicAndTheFeedGoesOn() throws Exception {
        String caseId = CaseEvents.newCaseId();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, feeds.bean(KafkaSettings.class).bootstrapServers());
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(feeds.topics().caseEvents().name(), caseId, "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        feeds.publish(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, null));

        await().atMost(WAIT).until(() -> FeedTopicReader.readAll(feeds, "TH").stream().anyMatch(r -> r.key().equals(caseId)));
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, feeds.bean(KafkaSettings.class).bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + caseId);
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            dlq.subscribe(List.of(feeds.topics().deadLetters(feeds.topics().caseEvents()).name()));
            List<String> keys = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return keys.contains(caseId);
            });
        }
    }

    /** The id of the last record in the feed now, or null when it is empty. */
    private String lastIdOf(String iso2) {
        List<ConsumerRecord<String, FeedEntry>> feed = FeedTopicReader.readAll(feeds, iso2);
        return feed.isEmpty() ? null : Long.toString(feed.get(feed.size() - 1).offset());
    }

    @Test
    void aMalformedLastEventIdIsABadRequest() throws Exception {
        try (SseClient client = SseClient.open(feeds.uri("/api/v1/feed"), feeds.issue("embassy:TH"), "yesterday")) {
            assertThat(client.status()).isEqualTo(400);
            assertThat(client.contentType()).startsWith("application/problem+json");
            assertThat(JSON.readTree(client.body()).get("errors").get(0).get("field").asText()).isEqualTo("Last-Event-ID");
        }
    }
}
