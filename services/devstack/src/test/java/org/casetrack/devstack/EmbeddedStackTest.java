package org.casetrack.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.schemas.registry.IncompatibleSchemaException;
import org.casetrack.schemas.registry.RegistryUnavailableException;
import org.casetrack.schemas.registry.RemoteSchemaRegistry;
import org.casetrack.schemas.serde.AvroSerde;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.TopicMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevStackExtension.class)
class EmbeddedStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestScope scope;

    EmbeddedStackTest(TestScope scope) {
        this.scope = scope.provisionTopics();
    }

    @Test
    void eventProducedThroughTheSerdeOnTheBrokerIsConsumedEqual() {
        Topic<CaseEvent> topic = scope.topics().caseEvents();
        AvroSerde<CaseEvent> serde = (AvroSerde<CaseEvent>) topic.valueSerde(scope.stack().registry(), true);
        CaseEvent event = SampleEvent.escapeReported("case-1");

        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(producerProps(), new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), "case-1", event));
        }
        List<CaseEvent> read = new ArrayList<>();
        try (KafkaConsumer<String, CaseEvent> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.currentTimeMillis() + 20_000;
            while (read.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
            }
        }
        assertThat(read).containsExactly(event);
    }

    @Test
    void plainHttpClientReadsASchemaByIdFromTheRegistryRest() throws Exception {
        int id = scope.stack().registry().register(scope.topics().caseEvents().valueSubject(), CaseEvent.getClassSchema());

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(scope.stack().registryUrl() + "/schemas/ids/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText())).isEqualTo(CaseEvent.getClassSchema());
    }

    @Test
    void remoteClientWorksAgainstTheEmbeddedRegistryRest() {
        RemoteSchemaRegistry admin = new RemoteSchemaRegistry(scope.stack().registryUrl(),
                Optional.of("Bearer " + DevStackExtension.ADMIN_TOKEN), Duration.ofSeconds(5));
        String subject = scope.id() + ".remote-value";
        Schema v1 = SchemaBuilder.record("Remote").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("Remote").fields().requiredString("a").optionalString("b").endRecord();

        int id1 = admin.register(subject, v1);
        int id2 = admin.register(subject, v2);

        assertThat(admin.byId(id1)).isEqualTo(v1);
        assertThat(admin.lookup(subject, v2)).contains(id2);
        assertThat(admin.versions(subject)).containsExactly(1, 2);
        assertThat(admin.latest(subject).id()).isEqualTo(id2);
        assertThat(scope.stack().registry().byId(id2)).isEqualTo(v2);
        assertThatThrownBy(() -> admin.register(subject, SchemaBuilder.record("Remote").fields().requiredInt("z").endRecord()))
                .isInstanceOf(IncompatibleSchemaException.class);
        assertThat(admin.compatibilityProblems(subject, SchemaBuilder.record("Remote").fields().requiredInt("z").endRecord())).isNotEmpty();
    }

    @Test
    void registryRestRefusesWritesWithoutTheAdminToken() {
        RemoteSchemaRegistry anonymous = new RemoteSchemaRegistry(scope.stack().registryUrl(), Optional.empty(), Duration.ofSeconds(5));
        RemoteSchemaRegistry wrongToken = new RemoteSchemaRegistry(scope.stack().registryUrl(), Optional.of("Bearer nope"), Duration.ofSeconds(5));
        Schema schema = SchemaBuilder.record("Anon").fields().requiredString("a").endRecord();

        assertThatThrownBy(() -> anonymous.register(scope.id() + ".anon-value", schema))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("401");
        assertThatThrownBy(() -> wrongToken.register(scope.id() + ".anon-value", schema))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("403");
        assertThat(anonymous.versions(scope.id() + ".anon-value")).isEmpty();
    }

    @Test
    void garbageOnATopicGivesAnErrorNamingPartitionAndOffset() {
        Topic<CaseEvent> topic = scope.topics().caseEvents();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), 0, "poison", "garbage".getBytes()));
        }
        AvroSerde<CaseEvent> serde = (AvroSerde<CaseEvent>) topic.valueSerde(scope.stack().registry(), true);
        try (KafkaConsumer<String, CaseEvent> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), serde.deserializer())) {
            TopicPartition partition = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assertThatThrownBy(() -> {
                long deadline = System.currentTimeMillis() + 20_000;
                while (System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, CaseEvent> ignored : consumer.poll(Duration.ofMillis(200))) {
                        // a well-formed record at partition 0 would be read here; the poison one throws
                    }
                }
            }).isInstanceOf(RecordDeserializationException.class)
                    .hasMessageContaining(topic.name() + "-0")
                    .hasMessageContaining("offset")
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                    .satisfies(e -> assertThat(e.getCause().getMessage()).contains(topic.name()).contains("magic byte"));
        }
    }

    @Test
    void provisionerRefusesATopicWithTheWrongPartitionCount() throws Exception {
        Topic<CaseEvent> declared = new Topic<>(scope.id() + ".wrong", CaseEvent.class, Topic.Cleanup.DELETE,
                Topic.Partitioning.SHARED, Optional.empty(), Topic.DEFAULT_MAX_MESSAGE_BYTES);
        scope.stack().admin().createTopics(List.of(new NewTopic(declared.name(), 2, (short) 1))).all().get();

        assertThatThrownBy(() -> scope.stack().provisioner().ensure(List.of(declared)))
                .isInstanceOf(TopicMismatchException.class)
                .hasMessageContaining(declared.name() + " has 2 partitions, declared 6");
    }

    @Test
    void provisionerIsIdempotent() {
        assertThat(scope.stack().provisioner().ensure(scope.topics().all())).isEmpty();
    }

    @Test
    void postgresAnswersOnTheScopeDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(scope.jdbcUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), current_setting('server_version_num')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(scope.databaseName());
            assertThat(rs.getInt(2)).isBetween(150000, 159999);
        }
    }

    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, scope.applicationId("reader-" + System.nanoTime()));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }
}
