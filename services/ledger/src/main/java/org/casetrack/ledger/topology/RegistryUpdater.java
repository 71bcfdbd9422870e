package org.casetrack.ledger.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of the compound registry: the latest state per compound as written (a tombstone
 * removes it). The ledger only asks whether a compound is registered, so the bytes are never decoded.
 */
final class RegistryUpdater implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, byte[]> registry;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.registry = context.getStateStore(StoreNames.COMPOUND_REGISTRY);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            registry.delete(record.key());
        } else {
            registry.put(record.key(), record.value());
        }
    }
}
