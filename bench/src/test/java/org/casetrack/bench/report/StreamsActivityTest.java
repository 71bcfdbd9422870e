package org.casetrack.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StreamsActivityTest {
    @Test
    void aPhaseIsTheDifferenceOfTheCountersAndItsRatiosComeFromThatDifference() {
        StreamsActivity start = new StreamsActivity(100, 1.0, 2.0, 1_000, 4_000, 3);
        StreamsActivity end = new StreamsActivity(300, 1.5, 4.5, 11_000, 34_000, 5);

        StreamsActivity phase = end.since(start);

        assertThat(phase).isEqualTo(new StreamsActivity(200, 0.5, 2.5, 10_000, 30_000, 2));
        assertThat(phase.sentPerProcessed()).isEqualTo(3.0);
        assertThat(phase.blockedMillisPerCommit()).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void ratiosOfAnIdlePhaseAreNotNumbersRatherThanZeroOrInfinity() {
        StreamsActivity idle = new StreamsActivity(0, 0, 0, 0, 0, 0);

        assertThat(idle.sentPerProcessed()).isNaN();
        assertThat(idle.blockedMillisPerCommit()).isNaN();
    }
}
