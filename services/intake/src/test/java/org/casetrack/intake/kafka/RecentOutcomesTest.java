package org.casetrack.intake.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.casetrack.intake.config.IntakeSettings;
import org.junit.jupiter.api.Test;

/** The last outcomes kept in a ring of chunks: what stays, what goes first, and what is found for an id. */
class RecentOutcomesTest {

    private static byte[] bytes(int length, int seed) {
        byte[] raw = new byte[length];
        new Random(seed).nextBytes(raw);
        return raw;
    }

    @Test
    void anOutcomeIsFoundByItsIdAsPutAndAnUnknownIdFindsNothing() {
        RecentOutcomes recent = new RecentOutcomes(10);
        UUID id = UUID.randomUUID();
        recent.put(id, bytes(250, 1));

        assertThat(recent.get(id)).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(bytes(250, 1)));
        assertThat(recent.get(UUID.randomUUID())).isEmpty();
    }

    @Test
    void beyondItsCountTheOldestGoFirst() {
        RecentOutcomes recent = new RecentOutcomes(3);
        UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (int i = 0; i < ids.length; i++) {
            recent.put(ids[i], bytes(100, i));
        }

        assertThat(recent.get(ids[0])).isEmpty();
        for (int i = 1; i < ids.length; i++) {
            assertThat(recent.get(ids[i])).as("outcome %d", i).hasValueSatisfying(raw -> assertThat(raw).hasSize(100));
        }
        assertThat(recent.size()).isEqualTo(3);
    }

    @Test
    void largeOutcomesTakeTheRoomOfSeveralAndOneLargerThanAChunkIsNotKept() {
        RecentOutcomes recent = new RecentOutcomes(4); // 2,048 bytes a chunk, two chunks
        UUID small = UUID.randomUUID();
        recent.put(small, bytes(100, 1));
        UUID[] large = new UUID[3];
        for (int i = 0; i < large.length; i++) {
            large[i] = UUID.randomUUID();
            recent.put(large[i], bytes(1_500, 10 + i));
        }

        assertThat(recent.get(small)).as("pushed out by bytes, not by count").isEmpty();
        assertThat(recent.get(large[0])).isEmpty();
        assertThat(recent.get(large[1])).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(bytes(1_500, 11)));
        assertThat(recent.get(large[2])).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(bytes(1_500, 12)));

        UUID huge = UUID.randomUUID();
        recent.put(huge, bytes(2_100, 99));
        assertThat(recent.get(huge)).isEmpty();
        assertThat(recent.get(large[2])).as("an outcome not kept removes nothing").isPresent();
    }

    @Test
    void aCommandDecidedAgainIsFoundAtItsLatestRecordEvenAfterItsFirstIsPushedOut() {
        RecentOutcomes recent = new RecentOutcomes(3);
        UUID replayed = UUID.randomUUID();
        recent.put(replayed, bytes(50, 1));
        recent.put(UUID.randomUUID(), bytes(50, 2));
        recent.put(replayed, bytes(60, 3));
        recent.put(UUID.randomUUID(), bytes(50, 4)); // pushes out the first record of the replayed command

        assertThat(recent.get(replayed)).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(bytes(60, 3)));
    }

    @Test
    void keepsExactlyTheLastOutcomesThroughManyTurnsOfTheRing() {
        int max = 1_000;
        RecentOutcomes recent = new RecentOutcomes(max);
        Random random = new Random(42);
        Deque<UUID> order = new ArrayDeque<>();
        Map<UUID, byte[]> latest = new HashMap<>();
        UUID[] reused = new UUID[50];
        for (int i = 0; i < reused.length; i++) {
            reused[i] = UUID.randomUUID();
        }
        for (int i = 0; i < 200_000; i++) {
            UUID id = random.nextInt(20) == 0 ? reused[random.nextInt(reused.length)] : UUID.randomUUID();
            byte[] raw = bytes(20 + random.nextInt(400), i); // under the 512 bytes an entry may take on average
            recent.put(id, raw);
            order.addLast(id);
            latest.put(id, raw);
            if (order.size() > max) {
                UUID gone = order.removeFirst();
                if (!order.contains(gone) && latest.remove(gone) != null) {
                    assertThat(recent.get(gone)).as("pushed out at put %d", i).isEmpty();
                }
            }
            if (i % 997 == 0) {
                for (Map.Entry<UUID, byte[]> kept : latest.entrySet()) {
                    assertThat(recent.get(kept.getKey())).as("kept at put %d", i)
                            .hasValueSatisfying(found -> assertThat(found).isEqualTo(kept.getValue()));
                }
            }
        }
        assertThat(recent.size()).isEqualTo(max);
    }

    @Test
    void noneAreKeptWhenTheSettingIsZeroAndTheSettingIsBounded() {
        RecentOutcomes recent = new RecentOutcomes(0);
        UUID id = UUID.randomUUID();
        recent.put(id, bytes(10, 1));
        assertThat(recent.get(id)).isEmpty();

        assertThatThrownBy(() -> new IntakeSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 2000, Duration.ofMillis(1500),
                -1, Duration.ofMillis(5))).hasMessageContaining("intake.recent-outcomes");
        assertThatThrownBy(() -> new IntakeSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 2000, Duration.ofMillis(1500),
                10_000_001, Duration.ofMillis(5))).hasMessageContaining("intake.recent-outcomes");
    }
}
