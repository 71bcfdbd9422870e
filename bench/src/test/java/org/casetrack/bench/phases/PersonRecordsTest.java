package org.casetrack.bench.phases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Kafka alone moving a person's records, on the real broker: the sizes it measures and a short run of its pipeline. */
@ExtendWith(DevStackExtension.class)
class PersonRecordsTest {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @Test
    void sizesAreTheAveragesOfEachTopicsLatestRecords(TestScope scope) throws Exception {
        String prefix = scope.topics().prefix();
        List<String> topics = List.of(prefix + "c", prefix + "e", prefix + "s", prefix + "o");
        try (Admin admin = admin(scope)) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            // one request in flight: on a busy broker a retried first batch of a new topic, sent again after
            // later ones were appended, was refused as out of order until the 120 s delivery timeout ran out
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    scope.bootstrapServers(), ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                topics.forEach(producer::partitionsFor);
                // older records beyond the sample are not counted: 300 of 10 bytes on each partition of the commands first
                for (int p = 0; p < 3; p++) {
                    for (int i = 0; i < 300; i++) {
                        producer.send(new ProducerRecord<>(topics.get(0), p, null, new byte[10]));
                    }
                }
                for (int p = 0; p < 3; p++) {
                    for (int i = 0; i < PersonRecords.SAMPLED_PER_PARTITION; i++) {
                        producer.send(new ProducerRecord<>(topics.get(0), p, null, new byte[i % 2 == 0 ? 100 : 200]));
                    }
                }
                producer.send(new ProducerRecord<>(topics.get(1), 0, null, new byte[500]));
                producer.send(new ProducerRecord<>(topics.get(1), 2, null, new byte[700]));
                producer.send(new ProducerRecord<>(topics.get(2), 1, null, new byte[1000]));
                producer.send(new ProducerRecord<>(topics.get(3), 1, null, new byte[3]));
                producer.flush();
            }
            PersonRecords.Sizes sizes = new PersonRecords(scope.bootstrapServers(), prefix, admin, 3, QUIET).measure(topics);
            assertThat(sizes).isEqualTo(new PersonRecords.Sizes(150, 600, 1000, PersonRecords.SMALLEST_RECORD));
        }
    }

    @Test
    void aTopicWithoutRecordsCannotBeMeasured(TestScope scope) throws Exception {
        String prefix = scope.topics().prefix();
        try (Admin admin = admin(scope)) {
            admin.createTopics(List.of(new NewTopic(prefix + "empty", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            PersonRecords floor = new PersonRecords(scope.bootstrapServers(), prefix, admin, 1, QUIET);
            assertThatThrownBy(() -> floor.measure(List.of(prefix + "empty", prefix + "empty", prefix + "empty", prefix + "empty")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("No records on " + prefix + "empty");
        }
    }

    @Test
    void thePipelineAnswersWholeReportsAndLeavesNoneOpen(TestScope scope) throws Exception {
        try (Admin admin = admin(scope)) {
            PersonRecords.Result r = new PersonRecords(scope.bootstrapServers(), scope.topics().prefix(), admin, 3, QUIET)
                    .run(new PersonRecords.Sizes(300, 400, 900, 120), 5, 8, Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(r.persons()).isPositive();
            assertThat(r.persons() % 5).as("whole reports only").isZero();
            assertThat(r.personsPerSecond()).isCloseTo(r.persons() / r.seconds(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.unanswered()).isZero();
            assertThat(r.seconds()).isGreaterThanOrEqualTo(2.0);
            // its topics are gone afterwards
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).noneMatch(t -> t.startsWith(scope.topics().prefix() + "bench-person-"));
        }
    }

    @Test
    void aRunWithoutAResultLineIsAnError() {
        assertThatThrownBy(() -> PersonRecords.parse(List.of("failed: boom"), new PersonRecords.Sizes(1, 1, 1, 1), 40, 256))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no result line");
        PersonRecords.Result r = PersonRecords.parse(List.of("reports of 40 persons flat out",
                "RESULT persons=120000 seconds=10.000 persons_per_second=12000.0 machine_cores=1.800 unanswered_reports=0"),
                new PersonRecords.Sizes(1, 2, 3, 4), 40, 256);
        assertThat(r.personsPerSecond()).isEqualTo(12000.0);
        assertThat(r.cpuMillisPerPerson()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static Admin admin(TestScope scope) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers()));
    }
}
