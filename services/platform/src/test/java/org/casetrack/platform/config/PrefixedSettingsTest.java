package org.casetrack.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings under a prefix from environment variables, configuration files and the context's own properties alike. */
class PrefixedSettingsTest {

    private static final PropertySource VARIABLES = PropertySource.of("test-variables", Map.of(
                    "KAFKA_STREAMS_VIEWS_NUM_STREAM_THREADS", "3",
                    "KAFKA_STREAMS_VIEWS_PRODUCER_LINGER_MS", "5",
                    "KAFKA_STREAMS_LEDGER_POLL_MS", "9"),
            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);

    @Test
    void environmentVariablesCountBesideTheContextsOwnKafkaProperties() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("kafka.bootstrap-servers", "localhost:9092",
                        "kafka.streams.views.commit.interval.ms", "40"))
                .propertySources(VARIABLES).build()) {
            Environment environment = context.getEnvironment().start();

            assertThat(PrefixedSettings.under(environment, "kafka.streams.views")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "num.stream.threads", "3",
                    "producer.linger.ms", "5",
                    "commit.interval.ms", "40"));
            assertThat(PrefixedSettings.under(environment, "kafka.streams.ledger")).containsExactlyEntriesOf(Map.of("poll.ms", "9"));
        }
    }

    @Test
    void nothingUnderAnUnusedPrefix() {
        try (ApplicationContext context = ApplicationContext.builder().propertySources(VARIABLES).build()) {
            assertThat(PrefixedSettings.under(context.getEnvironment().start(), "kafka.streams.feeds")).isEmpty();
        }
    }
}
