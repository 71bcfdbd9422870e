package org.casetrack.feeds.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.5);

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(60)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsEachWaitWithinItsFractionAndNeverBeyondTheMaximum() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.999999);

        assertThat(low.delay(3)).isEqualTo(Duration.ofMillis(3200));
        assertThat(high.delay(3)).isEqualTo(Duration.ofMillis(4800));
        assertThat(high.delay(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(low.delay(10)).isEqualTo(Duration.ofSeconds(24));
    }
}
