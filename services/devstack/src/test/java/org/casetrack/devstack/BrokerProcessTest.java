package org.casetrack.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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

/** A broker in a JVM of its own: another process, a real broker, stopped by close, kept across a restart. */
class BrokerProcessTest {
    private static final List<String> SMALL_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

    @Test
    void theBrokerRunsInAnotherProcessKeepsItsRecordsAcrossARestartAndStopsOnClose() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "broker-process-" + System.nanoTime())).toAbsolutePath();
        List<String> output = new CopyOnWriteArrayList<>();
        String bootstrap;
        try {
            BrokerProcess first = BrokerProcess.start(dir, 0, SMALL_JVM, output::add, Duration.ofMinutes(2));
            try {
                assertThat(first.pid()).isNotEqualTo(ProcessHandle.current().pid());
                assertThat(ProcessHandle.of(first.pid())).hasValueSatisfying(p -> assertThat(p.info().command()).isPresent());
                bootstrap = first.bootstrapServers();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                    admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
                }
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                    producer.send(new ProducerRecord<>("kept", "k", "still here")).get();
                }
            } finally {
                first.close();
            }
            assertThat(first.isAlive()).as("the broker JVM has exited").isFalse();
            assertThat(output).anySatisfy(line -> assertThat(line).startsWith(BrokerProcessMain.READY));

            try (BrokerProcess second = BrokerProcess.start(dir, 0, SMALL_JVM, line -> { }, Duration.ofMinutes(2))) {
                assertThat(second.bootstrapServers()).as("the port remembered in the directory").isEqualTo(bootstrap);
                assertThat(read(bootstrap, "kept")).containsExactly("still here");
            }
        } finally {
            DevStackExtension.deleteRecursively(dir);
        }
    }

    @Test
    void aBrokerThatCannotStartIsReportedAtOnce() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "broker-process-" + System.nanoTime())).toAbsolutePath();
        try (ServerSocket taken = new ServerSocket(0)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> BrokerProcess.start(dir, taken.getLocalPort(), SMALL_JVM, line -> { }, Duration.ofMinutes(2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not come up")
                    .hasMessageContaining("exit 1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not the whole timeout").isLessThan(Duration.ofMinutes(1));
        } finally {
            DevStackExtension.deleteRecursively(dir);
        }
    }

    @Test
    void aDevStackWithItsBrokerInAJvmOfItsOwnServesTheRegistryAndTopics() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "devstack-broker-jvm-" + System.nanoTime())).toAbsolutePath();
        Topics topics = new Topics("own-jvm.");
        CaseEvent event = SampleEvent.escapeReported("case-o");
        try (DevStack stack = DevStack.start(DevStack.Options.at(dir, "admin").withBrokerJvm(SMALL_JVM))) {
            assertThat(stack.broker()).isInstanceOfSatisfying(BrokerProcess.class,
                    broker -> assertThat(broker.pid()).isNotEqualTo(ProcessHandle.current().pid()));
            stack.provisioner().ensure(topics.all());
            stack.registry().register(topics.caseEvents().valueSubject(), CaseEvent.getClassSchema());
            AvroSerde<CaseEvent> serde = new AvroSerde<>(stack.registry(), CaseEvent.class, false);
            try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.bootstrapServers()), new StringSerializer(), serde)) {
                producer.send(new ProducerRecord<>(topics.caseEvents().name(), 0, "case-o", event)).get();
            }
            assertThat(stack.provisioner().ensure(topics.all())).as("the topics are there").isEmpty();
        } finally {
            DevStackExtension.deleteRecursively(dir);
        }
    }

    @Test
    void theBrokerStopsByItselfWhenItsParentIsKilledWithoutClosingIt() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "broker-orphan-" + System.nanoTime())).toAbsolutePath();
        Process parent = new ProcessBuilder(ChildJvm.command(List.of("-Xmx128m", "-XX:+UseSerialGC"), Parent.class.getName(),
                List.of(dir.toString()))).redirectErrorStream(true).start();
        long brokerPid = -1;
        try {
            brokerPid = brokerPidPrintedBy(parent);
            ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();
            assertThat(broker.parent().map(ProcessHandle::pid)).contains(parent.pid());

            parent.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the broker's input
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> !broker.isAlive());
        } finally {
            parent.destroyForcibly();
            ProcessHandle.of(brokerPid).ifPresent(ProcessHandle::destroyForcibly);
            DevStackExtension.deleteRecursively(dir);
        }
    }

    /** Reads the parent's output up to the line with its broker's pid (the parent's own log lines come before it). */
    private static long brokerPidPrintedBy(Process parent) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(Parent.PRINTED)) {
                return Long.parseLong(line.substring(Parent.PRINTED.length()).trim());
            }
            seen.add(line);
        }
        throw new AssertionError("the parent JVM ended before its broker was up: " + String.join("\n", seen));
    }

    /** A JVM that starts a broker in a JVM of its own, prints that JVM's pid, and waits to be killed. */
    public static final class Parent {
        static final String PRINTED = "broker pid ";

        public static void main(String[] args) throws Exception {
            BrokerProcess broker = BrokerProcess.start(Path.of(args[0]), 0, SMALL_JVM, line -> { }, Duration.ofMinutes(2));
            System.out.println(PRINTED + broker.pid());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    private static List<String> read(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
