package org.casetrack.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.views.config.Generations;
import org.casetrack.views.config.Rebuild;
import org.casetrack.views.config.ViewsRuntime;
import org.casetrack.views.support.Expected;
import org.casetrack.views.support.Http;
import org.casetrack.views.support.LedgerOutput;
import org.casetrack.views.support.Scenario;
import org.casetrack.views.support.ViewsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events the ledger writes for several compounds, groups of several nationalities, repatriations,
 * arrests and releases give the exact expected numbers through HTTP; the same after a restart of the
 * views and after a rebuild (with the switch-over seen and the old generation's topics removed).
 */
@ExtendWith(DevStackExtension.class)
class ViewsEndToEndTest {

    @Test
    void exactNumbersThroughHttpSurviveARestartAndARebuild(TestScope scope) throws Exception {
        ViewsServer.Keys keys = ViewsServer.Keys.generate();
        String coordinator;
        try (ViewsServer first = ViewsServer.start(scope, keys, "a")) {
            first.awaitRunning();
            coordinator = Http.token(first.url(), keys.adminToken(), "coordinator", "coordinator-1");
            try (LedgerOutput ledger = new LedgerOutput(scope.bootstrapServers(), scope.topics(), first.context().getBean(TopicSerdes.class))) {
                // a poison record goes to the dead-letter topic and the views go on
                ledger.sendRaw(scope.topics().caseEvents().name(), "poison", "not avro".getBytes(StandardCharsets.UTF_8));
                Scenario.write(ledger);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Expected.all(first.url(), coordinator));
            assertThat(deadLetterKeys(scope)).contains("poison");
        }

        try (ViewsServer restarted = ViewsServer.start(scope, keys, "a")) {
            answersWhileStartingAreExactOr503(restarted, coordinator);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Expected.all(restarted.url(), coordinator));

            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Map<String, Object> tool = ViewsServer.settings(scope, keys);
            tool.put("casetrack.data-dir", "target/state/" + scope.id() + "/rebuild");
            Rebuild.Result result;
            try (ApplicationContext context = ApplicationContext.run(tool);
                 Generations generations = context.getBean(ViewsRuntime.class).generations()) {
                result = new Rebuild(context.getBean(ViewsRuntime.class), generations, new PrintStream(output, true, StandardCharsets.UTF_8),
                        Duration.ofMillis(250)).run(true, Duration.ofMinutes(3));
            }
            String printed = output.toString(StandardCharsets.UTF_8);
            System.out.print(printed);
            assertThat(result.from()).isEqualTo(1);
            assertThat(result.to()).isEqualTo(2);
            assertThat(printed).contains("records to read").contains("events/s").contains("caught up").contains("generation 2 is current")
                    .contains("left generation 1");
            assertThat(restarted.servesGeneration(2)).as("switched to generation 2").isTrue();
            Expected.all(restarted.url(), coordinator);
            assertOldGenerationRemoved(restarted, scope);
        }
    }

    /** From the moment a restarted instance takes requests, every answer is a 503 with Retry-After or the exact number. */
    private static void answersWhileStartingAreExactOr503(ViewsServer server, String token) {
        boolean[] sawUnavailable = {false};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Http.Response r = Http.get(server.url(), "/api/v1/compounds/poipet/victims", token);
            if (r.status() == 503) {
                sawUnavailable[0] = true;
                assertThat(r.retryAfter()).isNotBlank();
                assertThat(r.contentType()).startsWith("application/problem+json");
                return false;
            }
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().get("total").asInt()).isEqualTo(17);
            return true;
        });
        assertThat(sawUnavailable[0]).as("queried before the restored store was queryable").isTrue();
    }

    private static List<String> deadLetterKeys(TestScope scope) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, scope.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = scope.topics().deadLetters(scope.topics().caseEvents()).name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return !keys.isEmpty();
            });
        }
        return keys;
    }

    private static void assertOldGenerationRemoved(ViewsServer server, TestScope scope) throws Exception {
        Admin admin = server.context().getBean(Admin.class);
        String oldApplicationId = server.context().getBean(ViewsRuntime.class).applicationId(1);
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertThat(topics).noneMatch(t -> t.startsWith(oldApplicationId + "-"));
        assertThat(topics).noneMatch(t -> t.startsWith(scope.topics().prefix() + "view-") && t.endsWith(".g1"));
        assertThat(topics).contains(scope.topics().prefix() + "view-compounds.g2", scope.topics().prefix() + "view-unrepatriated.g2");
        assertThat(topics).contains(scope.topics().caseEvents().name() + "-dlq");
    }
}
