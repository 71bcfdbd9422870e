package org.casetrack.standalone.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.OutcomeStatus;

/**
 * Counts of the log: events by aggregate and type (every type of the event unions, from zero) and
 * rejected commands by rule code. Pure counting; {@link LogReader} feeds it.
 */
final class EventTally {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejections = new ConcurrentHashMap<>();

    EventTally(MeterRegistry registry) {
        this.registry = registry;
        typesOf(CaseEvent.getClassSchema()).forEach(type -> eventCounter("case", type));
        typesOf(CompoundEvent.getClassSchema()).forEach(type -> eventCounter("compound", type));
    }

    void caseEvent(CaseEvent event) {
        eventCounter("case", event.getPayload().getClass().getSimpleName()).incrementAndGet();
    }

    void compoundEvent(CompoundEvent event) {
        eventCounter("compound", event.getPayload().getClass().getSimpleName()).incrementAndGet();
    }

    void outcome(CommandOutcome outcome) {
        if (outcome.getStatus() == OutcomeStatus.REJECTED && outcome.getRejection() != null) {
            String rule = Labels.rule(outcome.getRejection().getCode());
            rejections.computeIfAbsent(rule, r -> {
                AtomicLong count = new AtomicLong();
                FunctionCounter.builder("casetrack.rejections", count, AtomicLong::get).tag("rule", r)
                        .description("Commands the ledger rejected, by rule").register(registry);
                return count;
            }).incrementAndGet();
        }
    }

    long events(String aggregate, String type) {
        AtomicLong count = events.get(aggregate + "/" + type);
        return count == null ? 0 : count.get();
    }

    private AtomicLong eventCounter(String aggregate, String type) {
        return events.computeIfAbsent(aggregate + "/" + type, key -> {
            AtomicLong count = new AtomicLong();
            FunctionCounter.builder("casetrack.events", count, AtomicLong::get).tags("aggregate", aggregate, "type", type)
                    .description("Events in the log, by aggregate and type").register(registry);
            return count;
        });
    }

    private static List<String> typesOf(Schema envelope) {
        return envelope.getField("payload").schema().getTypes().stream().map(Schema::getName).toList();
    }
}
