package org.casetrack.views.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds count deltas before they are repartitioned. Each delta is split into cells (one count cell of
 * a compound, one nationality of a day), added to the pending cell in a state store, and every fold
 * interval (wall-clock) the pending cells are sent on, one record per key, and cleared. A burst of
 * events on a few compounds then costs the aggregate downstream one update per compound and interval
 * instead of one per event. The pending cells live in a changelogged store, so under exactly-once
 * they commit together with the input offsets: a crash between two folds loses nothing and sends
 * nothing twice. Additions commute, so the counts downstream end the same as one delta at a time.
 */
final class DeltaFold<V> implements Processor<String, V, String, V> {
    /** How deltas of one kind split into cells, add up and leave again. */
    interface Cells<V> {
        /** The delta's parts by cell id (unique within the record's key). */
        Map<String, V> split(V delta);

        V add(V pending, V part);

        boolean isZero(V cell);

        /** The records sent for one key's pending cells. */
        List<V> join(List<V> cells);
    }

    private final String storeName;
    private final Duration interval;
    private final Cells<V> cells;
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, V> pending;

    DeltaFold(String storeName, Duration interval, Cells<V> cells) {
        this.storeName = storeName;
        this.interval = interval;
        this.cells = cells;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> sendPending(now));
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        cells.split(record.value()).forEach((cell, part) -> {
            String id = id(record.key(), cell);
            V current = pending.get(id);
            V sum = current == null ? part : cells.add(current, part);
            if (cells.isZero(sum)) {
                pending.delete(id);
            } else {
                pending.put(id, sum);
            }
        });
    }

    private void sendPending(long now) {
        Map<String, List<V>> byKey = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        try (KeyValueIterator<String, V> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> cell = all.next();
                sent.add(cell.key);
                byKey.computeIfAbsent(keyOf(cell.key), k -> new ArrayList<>()).add(cell.value);
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        sent.forEach(pending::delete);
        long streamTime = context.currentStreamTimeMs();
        long timestamp = streamTime >= 0 ? streamTime : now;
        byKey.forEach((key, parts) -> cells.join(parts).forEach(v -> context.forward(new Record<>(key, v, timestamp))));
    }

    /** The store key of a cell: the record key, length first, so any key and cell id stay apart. */
    static String id(String key, String cell) {
        return key.length() + ":" + key + cell;
    }

    static String keyOf(String id) {
        int colon = id.indexOf(':');
        int length = Integer.parseInt(id.substring(0, colon));
        return id.substring(colon + 1, colon + 1 + length);
    }
}
