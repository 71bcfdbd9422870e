package org.casetrack.platform.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB options for stores whose lookups often find nothing (docs/decisions/0021). Kafka Streams
 * builds its stores without a bloom filter on their last level ({@code optimize_filters_for_hits}),
 * which suits lookups that mostly find their key. casetrack's deciders look up a case that does not
 * exist yet for every escape, and the processed commands of every case without state: there a miss
 * searched the last level's index and read a data block, and searched the memtable's skip list.
 * With a filter on every level and a whole-key filter on the memtable, a miss is a few hash probes.
 */
public final class LookupFilters implements RocksDBConfigSetter {
    /** The share of the write buffer given to the memtable's filter. */
    static final double MEMTABLE_FILTER_RATIO = 0.01;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setOptimizeFiltersForHits(false);
        options.setMemtablePrefixBloomSizeRatio(MEMTABLE_FILTER_RATIO);
        options.setMemtableWholeKeyFiltering(true);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing was allocated here
    }
}
