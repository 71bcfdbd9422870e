package org.casetrack.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger bean starts with its context, takes its settings and Streams overrides, and stops with it. */
@ExtendWith(DevStackExtension.class)
class LedgerServiceTest {

    @Test
    void ledgerRunsWithTheContextUnderItsDefaultApplicationIdAndTakesStreamsOverrides(TestScope scope) {
        LedgerService service;
        // an override from an environment variable counts beside the context's own kafka.* properties
        PropertySource variables = PropertySource.of("test-variables", Map.of("KAFKA_STREAMS_LEDGER_POLL_MS", "7"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "kafka.bootstrap-servers", scope.bootstrapServers(),
                "casetrack.topic-prefix", scope.topics().prefix(),
                "casetrack.data-dir", "target/state-" + scope.id(),
                "kafka.streams.ledger.commit.interval.ms", "20")).propertySources(variables).start()) {
            service = context.getBean(LedgerService.class);
            LedgerSettings settings = context.getBean(LedgerSettings.class);

            assertThat(service.app().awaitRunning(Duration.ofSeconds(90))).isTrue();
            assertThat(service.properties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo(scope.topics().prefix() + "ledger");
            assertThat(service.properties().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("20");
            assertThat(service.properties().get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo("7");
            assertThat(service.properties()).doesNotContainKey("poll-ms");
            assertThat(service.properties().get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG)))
                    .as("the ledger's producer lingers past its commit interval").isEqualTo("20");
            assertThat(service.properties().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
            assertThat(settings.compoundGrace()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.retryInterval()).isEqualTo(Duration.ofMillis(50));
        }
        assertThat(service.app().state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    }

    @Test
    void graceRetryIntervalAndTheLedgersOwnStreamsDefaultsAreSettable(TestScope scope) {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "kafka.bootstrap-servers", scope.bootstrapServers(),
                "casetrack.topic-prefix", scope.topics().prefix(),
                "casetrack.data-dir", "target/state-" + scope.id() + "-b",
                "ledger.application-id", scope.applicationId("ledger-b"),
                "ledger.compound-grace", "PT5S",
                "ledger.retry-interval", "100ms",
                "kafka.streams.ledger.producer.linger.ms", "3"))) {
            LedgerSettings settings = context.getBean(LedgerSettings.class);

            assertThat(settings.compoundGrace()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.retryInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(context.getBean(LedgerService.class).properties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG))
                    .isEqualTo(scope.applicationId("ledger-b"));
            assertThat(context.getBean(LedgerService.class).properties().get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG)))
                    .as("an override wins over the ledger's own default").isEqualTo("3");
        }
    }
}
