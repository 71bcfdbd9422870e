package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {

    @Test
    void oneSubTopologyPerAggregateTypePlusTheGlobalRegistryAllStoresNamed() {
        Topics topics = new Topics("");
        TopologyDescription description = LedgerTopology.build(topics, new TopicSerdes(new InMemorySchemaRegistry(), true),
                Duration.ofSeconds(2), Duration.ofMillis(50)).describe();

        List<Set<String>> storesPerSubTopology = description.subtopologies().stream()
                .map(s -> s.nodes().stream().filter(n -> n instanceof TopologyDescription.Processor)
                        .flatMap(n -> ((TopologyDescription.Processor) n).stores().stream()).collect(Collectors.toSet()))
                .toList();

        assertThat(storesPerSubTopology).containsExactlyInAnyOrder(
                Set.of(StoreNames.COMPOUND_STATE, StoreNames.COMPOUND_PROCESSED),
                Set.of(StoreNames.CASE_STATE, StoreNames.CASE_PROCESSED, StoreNames.CASE_PENDING));
        assertThat(description.globalStores()).singleElement().satisfies(g -> {
            assertThat(g.source().topicSet()).containsExactly(topics.compoundRegistry().name());
            assertThat(g.processor().stores()).containsExactly(StoreNames.COMPOUND_REGISTRY);
        });
    }
}
