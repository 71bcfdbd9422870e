package org.casetrack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The store comparison at a tiny size, so it cannot rot; it checks what the stores answer, not their speed. */
class StoreLookupsTest {
    @Test
    void bothStoresMissEveryNewKeyAndFindEveryKeyWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StoreLookups.Result r = StoreLookups.run(4_000, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(r.newKeysFound()).containsExactly(0, 0);
        assertThat(r.newKeysTimed()).isEqualTo(4_000 / StoreLookups.ROUNDS * (StoreLookups.ROUNDS - 1));
        assertThat(r.hitsFound()).containsExactly(r.hitsTimed(), r.hitsTimed());
        assertThat(r.newKeyNanos()).doesNotContain(0L);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("round 8 with LookupFilters", "round 8 Kafka Streams' options");
    }
}
