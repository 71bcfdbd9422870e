package org.casetrack.schemas.registry;

import org.apache.avro.Schema;

/**
 * A registry that lives only in this process: for topology tests (TopologyTestDriver) and tools
 * that need ids without a broker. It applies the same rules as the embedded registry.
 */
public final class InMemorySchemaRegistry extends LocalSchemaRegistry {
    public InMemorySchemaRegistry() {
        super(Compatibility.FULL_TRANSITIVE);
    }

    @Override
    protected void persistSchema(String subject, int id, Schema schema) {
        state.applySchema(subject, id, schema);
    }

    @Override
    protected void persistCompatibility(String subject, Compatibility level) {
        state.applyConfig(subject, level);
    }
}
