package org.casetrack.feeds.topology;

import org.apache.kafka.common.serialization.Serde;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.avro.FeedEntry;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.serde.AvroSerde;
import org.casetrack.schemas.topics.Topics;

/**
 * The serdes of the feeds: case events as the ledger writes them, the per-case state (an internal
 * record), and the feed record. One feed-record serde serves every feed topic: it registers and
 * looks up the schema under each topic's own subject ({@code embassy-feed-<iso2>-value}).
 */
public record FeedSerdes(Serde<CaseEvent> caseEvents, Serde<FeedCaseState> caseStates, Serde<FeedEntry> entries) {

    public static FeedSerdes of(Topics topics, TopicSerdes serdes) {
        return new FeedSerdes(serdes.value(topics.caseEvents()), serdes.internal(FeedCaseState.class),
                new AvroSerde<>(serdes.registry(), FeedEntry.class, serdes.autoRegister()));
    }
}
