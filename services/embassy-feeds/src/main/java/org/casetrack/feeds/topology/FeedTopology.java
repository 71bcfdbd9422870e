package org.casetrack.feeds.topology;

import java.time.Clock;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.casetrack.schemas.topics.Topics;

/**
 * The feeds topology: case-events fold into each case's consent-relevant state (store
 * feed-case-store); an event the rules let through is minimised and written, keyed by case id, to
 * the feed topic of the case's nationality (embassy-feed-&lt;iso2&gt;), chosen per record. Only
 * nationalities with a provisioned feed topic are routed to.
 */
public final class FeedTopology {
    public static final String CASE_STORE = "feed-case-store";

    private FeedTopology() {
    }

    /**
     * @param nationalities the nationalities whose feed topics exist
     * @param clock         the wall clock in casetrack.zone: consent expiry is compared with its date
     */
    public static Topology build(Topics topics, Set<String> nationalities, FeedSerdes serdes, Clock clock) {
        Serde<String> keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASE_STORE), keys, serdes.caseStates()));
        builder.stream(topics.caseEvents().name(), Consumed.with(keys, serdes.caseEvents()).withName("case-events-source"))
                .process(() -> new FeedRouter(Set.copyOf(nationalities), clock), Named.as("feed-router"), CASE_STORE)
                .to((caseId, entry, context) -> topics.embassyFeedName(entry.getNationality()),
                        Produced.with(keys, serdes.entries()).withName("embassy-feed-sink"));
        return builder.build();
    }
}
