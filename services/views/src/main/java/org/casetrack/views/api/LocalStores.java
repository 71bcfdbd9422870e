package org.casetrack.views.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.TimelineDay;
import org.casetrack.views.domain.CompoundTally;
import org.casetrack.views.domain.Snapshots;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.topology.ViewsTopology;

/**
 * Reads this instance's active stores, partition by partition, so that a scatter over instances reads
 * each partition exactly once. A partition not active here throws InvalidStateStoreException.
 */
final class LocalStores {
    private LocalStores() {
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name, Integer partition) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> params =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        return streams.store(partition == null ? params : params.withPartition(partition));
    }

    static List<CompoundSnapshot> compounds(KafkaStreams streams, Collection<Integer> partitions) {
        List<CompoundSnapshot> snapshots = new ArrayList<>();
        for (int p : partitions) {
            Map<String, CompoundState> registry = new TreeMap<>();
            Map<String, CompoundCounts> counts = new TreeMap<>();
            ReadOnlyKeyValueStore<String, CompoundState> r = store(streams, ViewsTopology.REGISTRY_STORE, p);
            ReadOnlyKeyValueStore<String, CompoundCounts> c = store(streams, ViewsTopology.COUNTS_STORE, p);
            try (KeyValueIterator<String, CompoundState> all = r.all()) {
                all.forEachRemaining(kv -> registry.put(kv.key, kv.value));
            }
            ReadOnlyKeyValueStore<String, CompoundCounts> d = store(streams, ViewsTopology.DATES_STORE, p);
            Map<String, CompoundCounts> dates = new HashMap<>();
            try (KeyValueIterator<String, CompoundCounts> all = d.all()) {
                all.forEachRemaining(kv -> dates.put(kv.key, kv.value));
            }
            try (KeyValueIterator<String, CompoundCounts> all = c.all()) {
                all.forEachRemaining(kv -> counts.put(kv.key, CompoundTally.withDates(kv.value, dates.get(kv.key))));
            }
            TreeMap<String, Boolean> keys = new TreeMap<>();
            registry.keySet().forEach(k -> keys.put(k, true));
            counts.keySet().forEach(k -> keys.put(k, true));
            keys.keySet().forEach(k -> snapshots.add(Snapshots.compound(k, registry.get(k), counts.get(k))));
        }
        return snapshots;
    }

    /** One compound's registry entry and counts, without its unrepatriated cases by escape date (no single-compound answer uses them). */
    static Optional<CompoundSnapshot> compound(KafkaStreams streams, int partition, String compoundId) {
        CompoundState state = registry(streams, partition, compoundId);
        CompoundCounts counts = counts(streams, partition, compoundId);
        return state == null && counts == null ? Optional.empty() : Optional.of(Snapshots.compound(compoundId, state, counts));
    }

    /** One compound's counts, without its unrepatriated cases by escape date; null when it has none. */
    static CompoundCounts counts(KafkaStreams streams, int partition, String compoundId) {
        return LocalStores.<CompoundCounts>store(streams, ViewsTopology.COUNTS_STORE, partition).get(compoundId);
    }

    /** One compound's registry state; null when it is not registered. */
    static CompoundState registry(KafkaStreams streams, int partition, String compoundId) {
        return LocalStores.<CompoundState>store(streams, ViewsTopology.REGISTRY_STORE, partition).get(compoundId);
    }

    /** Days from {@code from} to {@code to} (yyyy-MM-dd, inclusive; null for no bound). */
    static List<DaySnapshot> days(KafkaStreams streams, Collection<Integer> partitions, String from, String to) {
        List<DaySnapshot> days = new ArrayList<>();
        for (int p : partitions) {
            ReadOnlyKeyValueStore<String, TimelineDay> store = store(streams, ViewsTopology.TIMELINE_STORE, p);
            try (KeyValueIterator<String, TimelineDay> range = from == null ? store.all() : store.range(from, to)) {
                range.forEachRemaining(kv -> days.add(Snapshots.day(kv.value)));
            }
        }
        return days;
    }
}
