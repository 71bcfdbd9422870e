package org.casetrack.views.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseSummary;
import org.casetrack.views.domain.CaseSummaries;

/** Keeps each case's summary (store case-summary-store) and passes on how an event changed it, when it did. */
final class CaseSummaryProcessor implements Processor<String, CaseEvent, String, SummaryChange> {
    private ProcessorContext<String, SummaryChange> context;
    private KeyValueStore<String, CaseSummary> store;

    @Override
    public void init(ProcessorContext<String, SummaryChange> context) {
        this.context = context;
        this.store = context.getStateStore(ViewsTopology.SUMMARY_STORE);
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        CaseSummary before = store.get(record.key());
        CaseSummary after = CaseSummaries.apply(before, record.value());
        if (after == before) {
            return; // nothing a count reads has changed: nothing to store, no delta to send
        }
        store.put(record.key(), after);
        context.forward(record.withValue(new SummaryChange(before, after)));
    }
}
