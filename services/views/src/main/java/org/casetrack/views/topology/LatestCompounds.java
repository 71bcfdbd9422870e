package org.casetrack.views.topology;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;

/**
 * Each compound's counts and registry state as a serving generation's stream thread last computed
 * them, so that one compound's answer is given without a store read (two reads through Kafka
 * Streams' interactive queries, each listing the application's tasks, and two Avro decodings).
 *
 * <p>A value is stamped with the application's state-change count (its epoch) when it is published
 * or read, and is only used while that count is unchanged. A store changes without the topology
 * computing its values only while its task restores, and the application is then REBALANCING: the
 * epoch changes before (RUNNING to REBALANCING) and after (back to RUNNING, which needs every stream
 * thread to have polled since, so any record a thread was processing when the rebalance began has
 * been put in its store). So an entry of the current epoch is what the store holds, or what it is
 * about to hold (the counts are published just before the store takes them, as an interactive query
 * would read them a moment later). A compound nothing is known of in the current epoch is read from
 * the stores once and offered here; an offer never replaces what a stream thread published in the
 * same or a later epoch, so a read that raced a change cannot outlive it.
 */
public final class LatestCompounds implements CompoundChanges {
    /** A value of the given epoch; a null value means the compound has none (known absent). */
    public record Latest<V>(long epoch, V value) {
    }

    private final ConcurrentHashMap<String, Latest<CompoundCounts>> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Latest<CompoundState>> registry = new ConcurrentHashMap<>();
    private volatile LongSupplier epoch = () -> 0L;

    /** Where the epoch is read from: the application's state-change count, known once it is built. */
    public void epochFrom(LongSupplier stateChanges) {
        this.epoch = stateChanges;
    }

    public long epoch() {
        return epoch.getAsLong();
    }

    @Override
    public void counts(String compoundId, CompoundCounts value) {
        counts.put(compoundId, new Latest<>(epoch(), value));
    }

    @Override
    public void registry(String compoundId, CompoundState value) {
        registry.put(compoundId, new Latest<>(epoch(), value));
    }

    /** The compound's counts as known in {@code epoch}, or null when nothing is known of them in it. */
    public Latest<CompoundCounts> counts(String compoundId, long epoch) {
        return current(counts.get(compoundId), epoch);
    }

    /** The compound's registry state as known in {@code epoch}, or null when nothing is known of it in it. */
    public Latest<CompoundState> registry(String compoundId, long epoch) {
        return current(registry.get(compoundId), epoch);
    }

    /** Counts read from the store in {@code epoch}: kept unless something of that epoch or later is known; what is known is returned. */
    public Latest<CompoundCounts> offerCounts(String compoundId, long epoch, CompoundCounts read) {
        return offer(counts, compoundId, epoch, read);
    }

    /** Registry state read from the store in {@code epoch}, as {@link #offerCounts}. */
    public Latest<CompoundState> offerRegistry(String compoundId, long epoch, CompoundState read) {
        return offer(registry, compoundId, epoch, read);
    }

    private static <V> Latest<V> offer(ConcurrentHashMap<String, Latest<V>> map, String compoundId, long epoch, V read) {
        return map.compute(compoundId, (id, known) -> known != null && known.epoch() >= epoch ? known : new Latest<>(epoch, read));
    }

    private static <V> Latest<V> current(Latest<V> known, long epoch) {
        return known != null && known.epoch() == epoch ? known : null;
    }
}
