package org.casetrack.views.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.streams.Topology;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

/** Every operator, store and repartition topic has a name of its own, so internal topics survive code changes. */
class TopologyNamesTest {

    @Test
    void everyStoreRepartitionTopicAndOperatorIsNamed() {
        Topics topics = new Topics("t.");
        Topology topology = ViewsTopology.build(topics, ViewTopics.of(topics, 1),
                ViewSerdes.of(topics, new TopicSerdes(new InMemorySchemaRegistry(), true)), Clock.systemUTC(), ZoneId.of("Asia/Phnom_Penh"),
                Duration.ofMillis(20));
        String description = topology.describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
        assertThat(description).contains(ViewsTopology.SUMMARY_STORE, ViewsTopology.COUNTS_STORE, ViewsTopology.REGISTRY_STORE,
                ViewsTopology.TIMELINE_STORE, ViewsTopology.UNREPATRIATED_STORE, ViewsTopology.COUNTS_FOLD_STORE, ViewsTopology.DATES_STORE,
                ViewsTopology.TIMELINE_FOLD_STORE);
        assertThat(description).contains(ViewsTopology.COUNTS_REPARTITION + "-repartition",
                ViewsTopology.TIMELINE_REPARTITION + "-repartition", ViewsTopology.UNREPATRIATED_REPARTITION + "-repartition");
    }
}
