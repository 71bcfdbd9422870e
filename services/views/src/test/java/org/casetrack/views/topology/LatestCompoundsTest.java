package org.casetrack.views.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;
import org.casetrack.views.Events;
import org.casetrack.views.domain.CompoundTally;
import org.junit.jupiter.api.Test;

/** What a serving instance knows of a compound without reading its stores, and when that stops counting. */
class LatestCompoundsTest {
    private final AtomicLong stateChanges = new AtomicLong(2);
    private final LatestCompounds latest = new LatestCompounds();

    LatestCompoundsTest() {
        latest.epochFrom(stateChanges::get);
    }

    @Test
    void whatTheStreamThreadPublishedIsKnownUntilTheStateChanges() {
        CompoundCounts counts = CompoundTally.empty();
        latest.counts("cmp-1", counts);

        assertThat(latest.counts("cmp-1", 2).value()).isSameAs(counts);
        assertThat(latest.counts("cmp-2", 2)).as("never published").isNull();

        stateChanges.set(3);
        assertThat(latest.counts("cmp-1", 3)).as("a rebalance may have restored the store since").isNull();
    }

    @Test
    void aStoreReadOfferedAfterAPublicationInTheSameEpochDoesNotReplaceIt() {
        CompoundCounts published = CompoundTally.empty();
        CompoundCounts readEarlier = CompoundTally.empty();
        latest.counts("cmp-1", published);

        LatestCompounds.Latest<CompoundCounts> kept = latest.offerCounts("cmp-1", 2, readEarlier);

        assertThat(kept.value()).isSameAs(published);
        assertThat(latest.counts("cmp-1", 2).value()).isSameAs(published);
    }

    @Test
    void aStoreReadIsKeptWhenNothingOfItsEpochIsKnownAndIsReplacedByTheNextPublication() {
        CompoundCounts before = CompoundTally.empty();
        latest.counts("cmp-1", before);
        stateChanges.set(4);
        CompoundCounts read = CompoundTally.empty();

        assertThat(latest.offerCounts("cmp-1", 4, read).value()).as("the entry of epoch 2 is replaced").isSameAs(read);
        assertThat(latest.counts("cmp-1", 4).value()).isSameAs(read);

        CompoundCounts next = CompoundTally.empty();
        latest.counts("cmp-1", next);
        assertThat(latest.counts("cmp-1", 4).value()).isSameAs(next);
    }

    @Test
    void anOfferOfAnOlderEpochNeverReplacesANewerEntry() {
        CompoundCounts current = CompoundTally.empty();
        stateChanges.set(6);
        latest.counts("cmp-1", current);

        assertThat(latest.offerCounts("cmp-1", 4, CompoundTally.empty()).value()).isSameAs(current);
        assertThat(latest.counts("cmp-1", 6).value()).isSameAs(current);
    }

    @Test
    void aCompoundWithoutRegistryStateIsKnownAbsentAndARemovalIsPublishedAsAbsent() {
        assertThat(latest.offerRegistry("cmp-1", 2, null).value()).isNull();
        assertThat(latest.registry("cmp-1", 2)).as("known absent, not unknown").isNotNull();

        CompoundState state = Events.registered("cmp-1", "Compound", LocalDate.of(2026, 1, 5));
        latest.registry("cmp-1", state);
        assertThat(latest.registry("cmp-1", 2).value()).isSameAs(state);
        latest.registry("cmp-1", null);
        assertThat(latest.registry("cmp-1", 2).value()).isNull();
    }
}
