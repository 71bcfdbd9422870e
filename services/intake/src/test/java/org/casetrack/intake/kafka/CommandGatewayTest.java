package org.casetrack.intake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.casetrack.intake.config.IntakeSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.junit.jupiter.api.Test;

/** The command producer takes its linger and its send timeout from intake's settings. */
class CommandGatewayTest {

    private static IntakeSettings settings(Duration linger) {
        return new IntakeSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 2000, Duration.ofMillis(1500), 200_000, linger);
    }

    @Test
    void commandsLingerAsSetAndSendsWaitNoLongerThanTheSendTimeout() {
        Properties p = CommandGateway.producerProperties(new KafkaSettings("localhost:1"), settings(Duration.ofMillis(5)));

        assertThat(p.get(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(5);
        assertThat(p.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(1500L);
        assertThat(p.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
        assertThat(p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
        assertThat(CommandGateway.producerProperties(new KafkaSettings("localhost:1"), settings(Duration.ZERO))
                .get(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(0);
    }

    @Test
    void aLingerTheDeliveryTimeoutCannotCoverIsRefusedAtStart() {
        assertThatThrownBy(() -> settings(Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intake.linger");
        assertThatThrownBy(() -> settings(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
