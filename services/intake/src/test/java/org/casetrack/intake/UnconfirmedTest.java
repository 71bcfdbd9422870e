package org.casetrack.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.devstack.ApiClient.Reply;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.EmbeddedKafka;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When the ledger does not answer in time the answer is 202 and the outcome can be polled; beyond the
 * bound on requests in flight it is 429; with the broker down it is 503. None of them duplicates
 * anything on retry. An outcome record that cannot be decoded is skipped.
 */
@ExtendWith(DevStackExtension.class)
class UnconfirmedTest {

    @Test
    void outcomeThatOutlivesTheWaitIsAnswered202AndCanBePolled(TestScope scope) {
        String key = "late-" + UUID.randomUUID();
        Reply accepted;
        try (IntakeStack intake = IntakeStack.start(scope, Map.of("ledger.enabled", false, "intake.outcome-timeout", "PT1S"))) {
            accepted = intake.api.post("/api/v1/compounds", intake.coordinator, key, Reports.compound("Late compound"));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            assertThat(accepted.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/commands/"));
            String commandId = accepted.json().get("commandId").asText();
            assertThat(intake.api.get("/api/v1/commands/" + commandId, intake.coordinator).json().get("status").asText()).isEqualTo("PENDING");

            try (IntakeStack ledger = IntakeStack.start(scope)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(intake.api.get("/api/v1/commands/" + commandId, intake.coordinator).json().get("status").asText())
                                .isEqualTo("ACCEPTED"));
                Reply retried = ledger.api.post("/api/v1/compounds", intake.coordinator, key, Reports.compound("Late compound"));
                assertThat(retried.status()).as("a retry with the same key gets the same outcome").isEqualTo(201);
            }
        }
    }

    @Test
    void anUndecodableOutcomeIsSkippedAndTheOutcomesAfterItAreAnswered(TestScope scope) {
        try (IntakeStack intake = IntakeStack.start(scope)) {
            String topic = scope.topics().commandOutcomes().name();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    scope.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                for (int partition = 0; partition < producer.partitionsFor(topic).size(); partition++) {
                    producer.send(new ProducerRecord<>(topic, partition, "poison", "not an outcome".getBytes(StandardCharsets.UTF_8)));
                }
                producer.flush();
            }
            Reply created = intake.api.post("/api/v1/compounds", intake.coordinator, "after-poison-" + UUID.randomUUID(),
                    Reports.compound("Compound after a poison outcome"));
            assertThat(created.status()).as("answered from the outcomes read after the undecodable ones: %s", created.text()).isEqualTo(201);
        }
    }

    @Test
    void requestsBeyondTheBoundInFlightGet429WithRetryAfter(TestScope scope) throws Exception {
        try (IntakeStack intake = IntakeStack.start(scope, Map.of("ledger.enabled", false, "intake.outcome-timeout", "PT2S",
                "intake.max-in-flight", 2))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> intake.api.post("/api/v1/compounds", intake.coordinator, Reports.compound("Busy"))));
            }
            List<Reply> done = new ArrayList<>();
            for (Future<Reply> f : replies) {
                done.add(f.get());
            }
            pool.shutdown();
            List<Reply> refused = done.stream().filter(r -> r.status() == 429).toList();
            assertThat(refused).isNotEmpty();
            assertThat(refused).allSatisfy(r -> assertThat(r.header("Retry-After")).isPresent());
            assertThat(done).allSatisfy(r -> assertThat(r.status()).isIn(202, 429));
        }
    }

    @Test
    void brokerDownIsAnswered503(TestScope scope) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "broker-down-" + UUID.randomUUID())).toAbsolutePath();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
        boolean kafkaOpen = true;
        try (IntakeStack intake = IntakeStack.start(scope, Map.of("ledger.enabled", false, "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "intake.outcome-timeout", "PT2S", "intake.send-timeout", "PT1S"))) {
            kafka.close();
            kafkaOpen = false;

            Reply reply = intake.api.post("/api/v1/compounds", intake.coordinator, Reports.compound("Unreachable"));

            assertThat(reply.status()).as(reply.text()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isPresent();
            assertThat(reply.json().get("detail").asText()).contains("nothing is confirmed");
        } finally {
            if (kafkaOpen) {
                kafka.close();
            }
            DevStackExtension.deleteRecursively(dir);
        }
    }
}
