package org.casetrack.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A registry whose contents live in this process ({@link RegistryState}); subclasses decide how a
 * change is persisted: not at all ({@link InMemorySchemaRegistry}) or through the _schemas topic
 * ({@link EmbeddedSchemaRegistry}).
 */
public abstract class LocalSchemaRegistry implements SchemaRegistry {
    protected final RegistryState state;

    protected LocalSchemaRegistry(Compatibility defaultLevel) {
        this.state = new RegistryState(defaultLevel);
    }

    /** Persists a registration and returns once {@link #state} holds it (or a clash has been applied). */
    protected abstract void persistSchema(String subject, int id, Schema schema);

    /** Persists a compatibility level and returns once {@link #state} holds it. */
    protected abstract void persistCompatibility(String subject, Compatibility level);

    /** Called when an id is unknown: other writers may have registered it since. */
    protected void catchUp() {
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Schema normal = RegistryState.normalise(schema);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<SchemaVersion> existing = state.find(subject, normal);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            List<String> problems = state.problems(subject, normal);
            if (!problems.isEmpty()) {
                throw new IncompatibleSchemaException(subject, state.compatibility(subject), problems);
            }
            persistSchema(subject, state.proposeId(normal), normal);
        }
        return state.find(subject, normal).map(SchemaVersion::id).orElseThrow(() ->
                new RegistryUnavailableException("Registration under " + subject + " kept clashing with other writers", null));
    }

    @Override
    public Optional<Integer> lookup(String subject, Schema schema) {
        return state.find(subject, RegistryState.normalise(schema)).map(SchemaVersion::id);
    }

    @Override
    public Schema byId(int id) {
        Optional<Schema> known = state.byId(id);
        if (known.isEmpty()) {
            catchUp();
            known = state.byId(id);
        }
        return known.orElseThrow(() -> new SchemaNotFoundException(SchemaNotFoundException.Missing.SCHEMA, "Schema id " + id + " is not registered"));
    }

    @Override
    public List<String> subjects() {
        return state.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        return state.versions(subject).stream().map(SchemaVersion::version).toList();
    }

    @Override
    public SchemaVersion version(String subject, int version) {
        List<SchemaVersion> versions = existing(subject);
        if (version < 1 || version > versions.size()) {
            throw new SchemaNotFoundException(SchemaNotFoundException.Missing.VERSION, "Subject " + subject + " has no version " + version);
        }
        return versions.get(version - 1);
    }

    @Override
    public SchemaVersion latest(String subject) {
        List<SchemaVersion> versions = existing(subject);
        return versions.get(versions.size() - 1);
    }

    private List<SchemaVersion> existing(String subject) {
        List<SchemaVersion> versions = state.versions(subject);
        if (versions.isEmpty()) {
            throw new SchemaNotFoundException(SchemaNotFoundException.Missing.SUBJECT, "Subject " + subject + " is not registered");
        }
        return versions;
    }

    @Override
    public List<String> compatibilityProblems(String subject, Schema schema) {
        return state.problems(subject, RegistryState.normalise(schema));
    }

    @Override
    public Compatibility compatibility(String subject) {
        return state.compatibility(subject);
    }

    @Override
    public Compatibility globalCompatibility() {
        return state.globalCompatibility();
    }

    @Override
    public synchronized void setCompatibility(String subject, Compatibility level) {
        persistCompatibility(subject, level);
    }

    @Override
    public void setGlobalCompatibility(Compatibility level) {
        setCompatibility(RegistryState.GLOBAL, level);
    }
}
