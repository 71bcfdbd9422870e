package org.casetrack.views.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.casetrack.avro.UnrepatriatedTotals;
import org.casetrack.avro.UnrepatriatedView;
import org.casetrack.views.domain.Unrepatriated;

/**
 * Pushes the unrepatriated view with its days-waiting buckets as of today, on every change and again
 * when the date changes in the zone (a wall-clock punctuation checks every minute), so the pushed
 * buckets move with the calendar even when no event arrives.
 */
final class UnrepatriatedEmitter implements Processor<String, UnrepatriatedTotals, String, UnrepatriatedView> {
    static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final ZoneId zone;
    private ProcessorContext<String, UnrepatriatedView> context;
    private KeyValueStore<String, ValueAndTimestamp<UnrepatriatedTotals>> store;
    private LocalDate emittedFor;

    UnrepatriatedEmitter(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void init(ProcessorContext<String, UnrepatriatedView> context) {
        this.context = context;
        this.store = context.getStateStore(ViewsTopology.UNREPATRIATED_STORE);
        context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> onClock());
    }

    @Override
    public void process(Record<String, UnrepatriatedTotals> record) {
        if (record.value() == null) {
            return;
        }
        emittedFor = today();
        context.forward(record.withValue(Unrepatriated.view(record.value(), emittedFor)));
    }

    private void onClock() {
        LocalDate today = today();
        if (today.equals(emittedFor)) {
            return;
        }
        ValueAndTimestamp<UnrepatriatedTotals> totals = store.get(Unrepatriated.ALL);
        if (totals == null || totals.value() == null) {
            return;
        }
        emittedFor = today;
        context.forward(new Record<>(Unrepatriated.ALL, Unrepatriated.view(totals.value(), today), clock.millis()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
