package org.casetrack.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.schemas.serde.AvroSerde;
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

/** The broker, the database and the registry come back on the same data directory with everything intact. */
class RestartTest {

    @Test
    void topicsRecordsSchemaIdsAndRowsSurviveARestart() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "devstack-restart-" + System.nanoTime())).toAbsolutePath();
        Topics topics = new Topics("restart.");
        CaseEvent event = SampleEvent.escapeReported("case-r");
        int schemaId;
        int kafkaPort;
        try (DevStack stack = DevStack.start(DevStack.Options.at(dir, "admin"))) {
            stack.provisioner().ensure(topics.all());
            schemaId = stack.registry().register(topics.caseEvents().valueSubject(), CaseEvent.getClassSchema());
            AvroSerde<CaseEvent> serde = new AvroSerde<>(stack.registry(), CaseEvent.class, false);
            try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(producer(stack), new StringSerializer(), serde)) {
                producer.send(new ProducerRecord<>(topics.caseEvents().name(), 0, "case-r", event)).get();
            }
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "")) {
                c.createStatement().execute("CREATE TABLE kept (v text)");
                c.createStatement().execute("INSERT INTO kept VALUES ('still here')");
            }
            kafkaPort = Integer.parseInt(stack.bootstrapServers().split(":")[1]);
        }

        try (DevStack stack = DevStack.start(DevStack.Options.at(dir, "admin"))) {
            assertThat(stack.bootstrapServers()).endsWith(":" + kafkaPort);
            assertThat(stack.provisioner().ensure(topics.all())).as("no topic had to be created again").isEmpty();
            assertThat(stack.registry().lookup(topics.caseEvents().valueSubject(), CaseEvent.getClassSchema())).contains(schemaId);
            assertThat(stack.registry().byId(schemaId)).isEqualTo(CaseEvent.getClassSchema());

            AvroSerde<CaseEvent> serde = new AvroSerde<>(stack.registry(), CaseEvent.class, false);
            List<CaseEvent> read = new ArrayList<>();
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            try (KafkaConsumer<String, CaseEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(), serde)) {
                TopicPartition p0 = new TopicPartition(topics.caseEvents().name(), 0);
                consumer.assign(List.of(p0));
                consumer.seekToBeginning(List.of(p0));
                long deadline = System.currentTimeMillis() + 20_000;
                while (read.isEmpty() && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                }
            }
            assertThat(read).containsExactly(event);
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        } finally {
            DevStackExtension.deleteRecursively(dir);
        }
    }

    private static Properties producer(DevStack stack) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }
}
