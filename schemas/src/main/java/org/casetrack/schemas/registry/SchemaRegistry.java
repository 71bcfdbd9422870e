package org.casetrack.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Where schema ids come from. Two implementations: {@link EmbeddedSchemaRegistry} (persisted in the
 * compacted _schemas topic) and {@link RemoteSchemaRegistry} (a Confluent-API registry such as
 * Apicurio Registry's /apis/ccompat/v7). Subjects follow the topic-name strategy: {@code <topic>-value}.
 */
public interface SchemaRegistry extends AutoCloseable {

    /**
     * Registers the schema under the subject, or returns its id if it is already registered there.
     *
     * @throws IncompatibleSchemaException when the subject's compatibility level refuses it
     */
    int register(String subject, Schema schema);

    /** The id of the schema under the subject, without registering it. */
    Optional<Integer> lookup(String subject, Schema schema);

    /** @throws SchemaNotFoundException for an unknown id */
    Schema byId(int id);

    List<String> subjects();

    /** Version numbers of the subject, ascending; empty for an unknown subject. */
    List<Integer> versions(String subject);

    /** @throws SchemaNotFoundException for an unknown subject or version */
    SchemaVersion version(String subject, int version);

    /** @throws SchemaNotFoundException for an unknown subject */
    SchemaVersion latest(String subject);

    /** Problems that would refuse the schema under the subject's level; empty when it is compatible. */
    List<String> compatibilityProblems(String subject, Schema schema);

    Compatibility compatibility(String subject);

    Compatibility globalCompatibility();

    void setCompatibility(String subject, Compatibility level);

    void setGlobalCompatibility(Compatibility level);

    @Override
    default void close() {
    }
}
