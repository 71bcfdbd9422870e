package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** "Today" in the latest zone on earth, at every instant, including either side of its midnight. */
class DecisionContextTest {
    private static LocalDate latestToday(Instant now) {
        return new DecisionContext(now, id -> false).latestToday();
    }

    @Test
    void latestTodayTurnsAtTenAmUtc() {
        assertThat(latestToday(Instant.parse("2026-01-05T09:59:59.999Z"))).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(latestToday(Instant.parse("2026-01-05T10:00:00Z"))).isEqualTo(LocalDate.parse("2026-01-06"));
        assertThat(latestToday(Instant.parse("1969-12-31T09:59:59Z"))).isEqualTo(LocalDate.parse("1969-12-31"));
        assertThat(latestToday(Instant.parse("1969-12-31T10:00:00Z"))).isEqualTo(LocalDate.parse("1970-01-01"));
    }

    @Test
    void latestTodayIsTheDateAtUtcPlusFourteenForAnyInstant() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant now = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 5_000_000_000L), random.nextInt(1_000_000_000));
            assertThat(latestToday(now)).isEqualTo(LocalDate.ofInstant(now, DecisionContext.LATEST_ZONE));
        }
    }
}
