package org.casetrack.standalone.deploy;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.topology.FeedTopics;
import org.casetrack.schemas.registry.Compatibility;
import org.casetrack.schemas.registry.SchemaRegistry;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the value schema of every topic other services write with auto-registration off: the
 * shared topics and the embassy feeds, each subject held to FULL_TRANSITIVE. (Internal records —
 * stores, changelogs, view topics — are registered by the service that owns them.)
 */
@Singleton
class SchemaRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistration.class);

    private final SchemaRegistry registry;

    SchemaRegistration(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** @return the number of subjects registered (or found registered) */
    int registerAll(Topics topics, FeedTopics feeds) {
        List<Topic<?>> avro = new ArrayList<>(topics.sources());
        avro.addAll(feeds.all());
        int count = 0;
        for (Topic<?> topic : avro) {
            if (!topic.isAvro()) {
                continue;
            }
            Schema schema = SpecificData.get().getSchema(topic.valueType());
            registry.setCompatibility(topic.valueSubject(), Compatibility.FULL_TRANSITIVE);
            int id = registry.register(topic.valueSubject(), schema);
            LOG.debug("{} -> schema id {}", topic.valueSubject(), id);
            count++;
        }
        LOG.info("Registered {} subjects ({} of them embassy feeds of {})", count, feeds.all().size(), FeedEntry.class.getSimpleName());
        return count;
    }
}
