package org.casetrack.feeds.topology;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.domain.FeedCases;
import org.casetrack.feeds.domain.FeedEntries;
import org.casetrack.feeds.domain.Sharing;

/**
 * Keeps each case's state (store feed-case-store) and forwards the minimised event when the consent
 * rules, applied to the state after the event on today's date, name a feed. A withdrawal therefore
 * stops the flow with the withdrawal itself; a consent given lets the ConsentRecorded through.
 */
final class FeedRouter implements Processor<String, CaseEvent, String, FeedEntry> {
    private final Set<String> nationalities;
    private final Clock clock;
    private ProcessorContext<String, FeedEntry> context;
    private KeyValueStore<String, FeedCaseState> store;

    FeedRouter(Set<String> nationalities, Clock clock) {
        this.nationalities = nationalities;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, FeedEntry> context) {
        this.context = context;
        this.store = context.getStateStore(FeedTopology.CASE_STORE);
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        FeedCaseState after = FeedCases.apply(store.get(record.key()), record.value());
        store.put(record.key(), after);
        LocalDate today = LocalDate.now(clock);
        Sharing.feedOf(after, record.value().getPayload(), today)
                .filter(nationalities::contains)
                .ifPresent(iso2 -> {
                    var consent = Sharing.currentConsent(after, iso2, today).orElseThrow();
                    // the event's headers stay behind: the feed carries the minimised record and nothing else
                    context.forward(record.withValue(FeedEntries.of(record.value(), after, consent)).withHeaders(new RecordHeaders()));
                });
    }
}
