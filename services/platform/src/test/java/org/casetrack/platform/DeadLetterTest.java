package org.casetrack.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.platform.streams.DeadLetterHandler;
import org.casetrack.platform.streams.StreamsApp;
import org.casetrack.platform.streams.StreamsProperties;
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A poison record goes to the source's dead-letter topic with the error in headers; the next record is still processed. */
@ExtendWith(DevStackExtension.class)
class DeadLetterTest {

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndProcessingContinues(TestScope scope) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "kafka.bootstrap-servers", scope.bootstrapServers(),
                "casetrack.topic-prefix", scope.topics().prefix(),
                "casetrack.data-dir", "target/state-" + scope.id()))) {
            Topics topics = context.getBean(ProvisionedTopics.class).topics();
            Serde<CaseEvent> serde = context.getBean(TopicSerdes.class).value(topics.caseEvents());
            List<String> processed = new CopyOnWriteArrayList<>();
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(topics.caseEvents().name(), Consumed.with(topics.caseEvents().keySerde(), serde))
                    .foreach((k, v) -> processed.add(k));
            Properties props = StreamsProperties.of(scope.applicationId("dlq"), context.getBean(KafkaSettings.class),
                    context.getBean(CasetrackSettings.class), topics, Map.of());
            try (StreamsApp app = new StreamsApp("dlq-test", builder.build(), props).start()) {
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(scope), new StringSerializer(), new ByteArraySerializer())) {
                    producer.send(new ProducerRecord<>(topics.caseEvents().name(), 0, "poison", "not avro".getBytes(StandardCharsets.UTF_8))).get();
                    producer.send(new ProducerRecord<>(topics.caseEvents().name(), 0, "good", serde.serializer().serialize(topics.caseEvents().name(), event("good")))).get();
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> processed.contains("good"));
                assertThat(processed).containsExactly("good");
                List<ConsumerRecord<String, byte[]>> dead = readAll(scope, topics.deadLetters(topics.caseEvents()).name());
                assertThat(dead).hasSize(1);
                ConsumerRecord<String, byte[]> letter = dead.get(0);
                assertThat(letter.key()).isEqualTo("poison");
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
                assertThat(header(letter, "source.topic")).isEqualTo(topics.caseEvents().name());
                assertThat(header(letter, "source.offset")).isEqualTo("0");
                assertThat(header(letter, "message")).contains("magic byte");
            }
        }
    }

    @Test
    void recordWhoseProcessingThrowsGoesToTheDeadLetterTopicAndProcessingContinues(TestScope scope) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "kafka.bootstrap-servers", scope.bootstrapServers(),
                "casetrack.topic-prefix", scope.topics().prefix() + "p.",
                "casetrack.data-dir", "target/state-" + scope.id() + "-p"))) {
            Topics topics = context.getBean(ProvisionedTopics.class).topics();
            Serde<CaseEvent> serde = context.getBean(TopicSerdes.class).value(topics.caseEvents());
            List<String> processed = new CopyOnWriteArrayList<>();
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(topics.caseEvents().name(), Consumed.with(topics.caseEvents().keySerde(), serde))
                    .foreach((k, v) -> {
                        if (k.equals("boom")) {
                            throw new IllegalStateException("a bug that must not stop the service");
                        }
                        processed.add(k);
                    });
            Properties props = StreamsProperties.of(scope.applicationId("dlq-processing"), context.getBean(KafkaSettings.class),
                    context.getBean(CasetrackSettings.class), topics, Map.of());
            try (StreamsApp app = new StreamsApp("dlq-processing", builder.build(), props).start()) {
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(scope), new StringSerializer(), new ByteArraySerializer())) {
                    String topic = topics.caseEvents().name();
                    producer.send(new ProducerRecord<>(topic, 0, "boom", serde.serializer().serialize(topic, event("boom")))).get();
                    producer.send(new ProducerRecord<>(topic, 0, "after", serde.serializer().serialize(topic, event("after")))).get();
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> processed.contains("after"));
                List<ConsumerRecord<String, byte[]>> dead = readAll(scope, topics.deadLetters(topics.caseEvents()).name());
                assertThat(dead).hasSize(1);
                assertThat(dead.get(0).key()).isEqualTo("boom");
                assertThat(serde.deserializer().deserialize(topics.caseEvents().name(), dead.get(0).value()).getMetadata().getAggregateId())
                        .as("the original bytes are kept").isEqualTo("boom");
                assertThat(header(dead.get(0), "exception")).isEqualTo(IllegalStateException.class.getName());
                assertThat(header(dead.get(0), "message")).doesNotContain("a bug");
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(DeadLetterHandler.HEADER_PREFIX + name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(TestScope scope, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, scope.applicationId("dlq-reader"));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        return records;
    }

    private static Properties producerProps(TestScope scope) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers());
        return p;
    }

    private static CaseEvent event(String caseId) {
        return CaseEvent.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setCommandId(UUID.randomUUID())
                        .setAggregateId(caseId).setSequence(1).setRecordedAt(Instant.now()).setOrganisation("o").setPrincipal("p").build())
                .setPayload(EscapeReported.newBuilder().setCompoundUnknown(true).setEscapedOn(LocalDate.of(2026, 1, 5))
                        .setCircumstance(Circumstance.RELEASED).setNationality("VN").setReportId(UUID.randomUUID()).build())
                .build();
    }
}
