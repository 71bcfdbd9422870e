package org.casetrack.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's contents, rebuilt by applying the _schemas log in order. Schema ids are derived
 * from the schema's normalised text, so two registries that register the same schema agree on its
 * id without coordination; a rare clash of derived ids moves to the next free id. Versions are
 * numbered per subject in log order.
 */
final class RegistryState {
    static final String GLOBAL = "__GLOBAL";

    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, List<SchemaVersion>> bySubject = new TreeMap<>();
    private final Map<String, Compatibility> config = new HashMap<>();
    private final Compatibility defaultLevel;

    RegistryState(Compatibility defaultLevel) {
        this.defaultLevel = defaultLevel;
    }

    static Schema normalise(Schema schema) {
        return new Schema.Parser().parse(schema.toString());
    }

    /** The id this schema should get: derived from its text, probing past ids held by other schemas. */
    synchronized int proposeId(Schema schema) {
        String text = schema.toString();
        int id = derivedId(text);
        while (byId.containsKey(id) && !byId.get(id).toString().equals(text)) {
            id = id == Integer.MAX_VALUE ? 1 : id + 1;
        }
        return id;
    }

    static int derivedId(String schemaText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(schemaText.getBytes(StandardCharsets.UTF_8));
            int id = ((digest[0] & 0x7f) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Applies a registration read from the log; a clash with an id held by another schema is ignored. */
    synchronized void applySchema(String subject, int id, Schema schema) {
        Schema held = byId.get(id);
        if (held != null && !held.toString().equals(schema.toString())) {
            return;
        }
        byId.put(id, schema);
        List<SchemaVersion> versions = bySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (versions.stream().noneMatch(v -> v.id() == id)) {
            versions.add(new SchemaVersion(subject, versions.size() + 1, id, schema));
        }
    }

    synchronized void applyConfig(String subject, Compatibility level) {
        if (level == null) {
            config.remove(subject);
        } else {
            config.put(subject, level);
        }
    }

    synchronized Optional<Schema> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized Optional<SchemaVersion> find(String subject, Schema schema) {
        String text = schema.toString();
        return bySubject.getOrDefault(subject, List.of()).stream()
                .filter(v -> v.schema().toString().equals(text))
                .findFirst();
    }

    synchronized List<String> subjects() {
        return List.copyOf(bySubject.keySet());
    }

    synchronized List<SchemaVersion> versions(String subject) {
        return List.copyOf(bySubject.getOrDefault(subject, List.of()));
    }

    synchronized Compatibility compatibility(String subject) {
        return config.getOrDefault(subject, globalCompatibility());
    }

    synchronized Compatibility globalCompatibility() {
        return config.getOrDefault(GLOBAL, defaultLevel);
    }

    synchronized List<String> problems(String subject, Schema schema) {
        List<Schema> earlier = versions(subject).stream().map(SchemaVersion::schema).toList();
        return compatibility(subject).problems(schema, earlier);
    }
}
