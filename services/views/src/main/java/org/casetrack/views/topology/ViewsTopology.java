package org.casetrack.views.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundDelta;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundView;
import org.casetrack.avro.TimelineDay;
import org.casetrack.avro.TimelineDelta;
import org.casetrack.avro.UnrepatriatedTotals;
import org.casetrack.avro.UnrepatriatedView;
import org.casetrack.avro.VictimsPerCompoundView;
import org.casetrack.schemas.topics.Topics;
import org.casetrack.views.domain.CompoundTally;
import org.casetrack.views.domain.Counting;
import org.casetrack.views.domain.Timeline;
import org.casetrack.views.domain.Unrepatriated;
import org.casetrack.views.domain.ViewRecords;

/**
 * The views topology. case-events fold into a per-case summary; each change of a summary becomes
 * signed count deltas, repartitioned once by compound (case-deltas-by-compound) into two aggregates
 * of the same grouping: per-compound counts by nationality, and per-compound unrepatriated cases by
 * nationality, counted and by escape date (kept apart because the dates grow with history and
 * single-compound reads need none of them). The counts join the compound registry into the pushed
 * compound views; the unrepatriated cases regroup into one "all" record for the pushed unrepatriated view. Timeline deltas of cases and compounds are repartitioned by day
 * (timeline-deltas-by-day). Before each repartition the deltas are folded for a short while
 * ({@link DeltaFold}), so the aggregates see one update per key and interval. Every store,
 * repartition topic and operator is named.
 */
public final class ViewsTopology {
    public static final String SUMMARY_STORE = "case-summary-store";
    public static final String COUNTS_STORE = "victims-per-compound-store";
    public static final String DATES_STORE = "unrepatriated-by-escape-date-store";
    public static final String REGISTRY_STORE = "compound-registry-store";
    public static final String TIMELINE_STORE = "timeline-store";
    public static final String UNREPATRIATED_STORE = "unrepatriated-store";
    public static final String COUNTS_REPARTITION = "case-deltas-by-compound";
    public static final String TIMELINE_REPARTITION = "timeline-deltas-by-day";
    public static final String UNREPATRIATED_REPARTITION = "unrepatriated-by-all";
    public static final String COUNTS_FOLD_STORE = "case-deltas-pending-store";
    public static final String TIMELINE_FOLD_STORE = "timeline-deltas-pending-store";

    private ViewsTopology() {
    }

    /** Pairs a compound's registry state and counts for the pushed views; either side may be missing. */
    record Compound(CompoundState state, CompoundCounts counts) {
    }

    /**
     * @param fold how long count and timeline deltas are folded before they are repartitioned (see
     *             {@link DeltaFold}); zero sends each event's deltas on at once
     */
    public static Topology build(Topics topics, ViewTopics views, ViewSerdes serdes, Clock clock, ZoneId zone, Duration fold) {
        return build(topics, views, serdes, clock, zone, fold, CompoundChanges.NONE);
    }

    /**
     * @param fold            how long count and timeline deltas are folded before they are repartitioned (see
     *                        {@link DeltaFold}); zero sends each event's deltas on at once
     * @param compoundChanges told of each compound's new counts and registry state as they are computed
     */
    public static Topology build(Topics topics, ViewTopics views, ViewSerdes serdes, Clock clock, ZoneId zone, Duration fold,
                                 CompoundChanges compoundChanges) {
        Serde<String> keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUMMARY_STORE), keys,
                serdes.own(CaseSummary.class)).withCachingEnabled());
        boolean folding = !fold.isZero();
        if (folding) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(COUNTS_FOLD_STORE), keys,
                    serdes.own(CompoundDelta.class)).withCachingEnabled());
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TIMELINE_FOLD_STORE), keys,
                    serdes.own(TimelineDelta.class)).withCachingEnabled());
        }

        KStream<String, SummaryChange> changes = builder
                .stream(topics.caseEvents().name(), Consumed.with(keys, serdes.caseEvents()).withName("case-events-source"))
                .process(CaseSummaryProcessor::new, Named.as("case-summary"), SUMMARY_STORE);

        KStream<String, CompoundDelta> countDeltas = changes
                .flatMap((caseId, change) -> Counting.deltas(change.before(), change.after()).stream()
                        .map(d -> KeyValue.pair(d.compoundId(), d.delta())).toList(), Named.as("case-count-deltas"));
        if (folding) {
            countDeltas = countDeltas.process(() -> new DeltaFold<>(COUNTS_FOLD_STORE, fold, new CountCells()),
                    Named.as("case-count-deltas-fold"), COUNTS_FOLD_STORE);
        }
        KGroupedStream<String, CompoundDelta> byCompound = countDeltas
                .groupByKey(Grouped.with(COUNTS_REPARTITION, keys, serdes.own(CompoundDelta.class)));
        KTable<String, CompoundCounts> counts = byCompound
                .aggregate(CompoundTally::empty, (compoundId, delta, current) -> {
                            CompoundCounts next = CompoundTally.apply(compoundId, current, delta);
                            compoundChanges.counts(compoundId, next);
                            return next;
                        },
                        Named.as("victims-per-compound"),
                        Materialized.<String, CompoundCounts, KeyValueStore<Bytes, byte[]>>as(COUNTS_STORE)
                                .withKeySerde(keys).withValueSerde(serdes.own(CompoundCounts.class)));
        KTable<String, CompoundCounts> unrepatriated = byCompound
                .aggregate(CompoundTally::empty, (compoundId, delta, current) -> CompoundTally.applyUnrepatriated(compoundId, current, delta),
                        Named.as("unrepatriated-by-escape-date"),
                        Materialized.<String, CompoundCounts, KeyValueStore<Bytes, byte[]>>as(DATES_STORE)
                                .withKeySerde(keys).withValueSerde(serdes.own(CompoundCounts.class)));

        KTable<String, CompoundState> registry = builder.table(topics.compoundRegistry().name(),
                Consumed.with(keys, serdes.registry()).withName("compound-registry-source"),
                Materialized.<String, CompoundState, KeyValueStore<Bytes, byte[]>>as(REGISTRY_STORE)
                        .withKeySerde(keys).withValueSerde(serdes.registry())
                        // uncached, so each change is passed on as soon as the store has it (compounds change rarely)
                        .withCachingDisabled());
        registry.toStream(Named.as("compound-registry-changes"))
                .foreach(compoundChanges::registry, Named.as("compound-registry-published"));

        KStream<String, Compound> compounds = registry
                .outerJoin(counts, Compound::new, Named.as("compound-with-counts"))
                .toStream(Named.as("compound-with-counts-changes"))
                .filter((id, c) -> c != null, Named.as("compound-with-counts-present"));
        compounds.mapValues((id, c) -> ViewRecords.victims(id, c.state(), c.counts()), Named.as("victims-per-compound-view"))
                .to(views.victimsPerCompound().name(), Produced.with(keys, serdes.own(VictimsPerCompoundView.class))
                        .withName("victims-per-compound-sink"));
        compounds.mapValues((id, c) -> ViewRecords.compound(id, c.state(), c.counts()), Named.as("compounds-view"))
                .to(views.compounds().name(), Produced.with(keys, serdes.own(CompoundView.class)).withName("compounds-sink"));

        unrepatriated.groupBy((id, c) -> KeyValue.pair(Unrepatriated.ALL, c),
                        Grouped.with(UNREPATRIATED_REPARTITION, keys, serdes.own(CompoundCounts.class)))
                .aggregate(Unrepatriated::empty, (all, c, totals) -> Unrepatriated.add(c.getCompoundId(), c, totals),
                        (all, c, totals) -> Unrepatriated.subtract(c.getCompoundId(), c, totals), Named.as("unrepatriated-all"),
                        Materialized.<String, UnrepatriatedTotals, KeyValueStore<Bytes, byte[]>>as(UNREPATRIATED_STORE)
                                .withKeySerde(keys).withValueSerde(serdes.own(UnrepatriatedTotals.class)))
                .toStream(Named.as("unrepatriated-changes"))
                .process(() -> new UnrepatriatedEmitter(clock, zone), Named.as("unrepatriated-emitter"), UNREPATRIATED_STORE)
                .to(views.unrepatriated().name(), Produced.with(keys, serdes.own(UnrepatriatedView.class)).withName("unrepatriated-sink"));

        KStream<String, TimelineDelta> caseTimeline = changes.flatMap((caseId, change) -> keyed(
                Timeline.deltas(change.before(), change.after())), Named.as("case-timeline-deltas"));
        KStream<String, TimelineDelta> compoundTimeline = builder
                .stream(topics.compoundEvents().name(), Consumed.with(keys, serdes.compoundEvents()).withName("compound-events-source"))
                .filter((id, event) -> event != null, Named.as("compound-events-present"))
                .flatMap((id, event) -> keyed(Timeline.deltas(event)), Named.as("compound-timeline-deltas"));
        KStream<String, TimelineDelta> timelineDeltas = caseTimeline.merge(compoundTimeline, Named.as("timeline-deltas"));
        if (folding) {
            timelineDeltas = timelineDeltas.process(() -> new DeltaFold<>(TIMELINE_FOLD_STORE, fold, new TimelineCells()),
                    Named.as("timeline-deltas-fold"), TIMELINE_FOLD_STORE);
        }
        timelineDeltas
                .groupByKey(Grouped.with(TIMELINE_REPARTITION, keys, serdes.own(TimelineDelta.class)))
                .aggregate(() -> null, (day, delta, current) -> Timeline.apply(day, current, delta), Named.as("timeline"),
                        Materialized.<String, TimelineDay, KeyValueStore<Bytes, byte[]>>as(TIMELINE_STORE)
                                .withKeySerde(keys).withValueSerde(serdes.own(TimelineDay.class)))
                .toStream(Named.as("timeline-changes"))
                .to(views.timeline().name(), Produced.with(keys, serdes.own(TimelineDay.class)).withName("timeline-sink"));
        return builder.build();
    }

    private static List<KeyValue<String, TimelineDelta>> keyed(List<Timeline.Keyed> deltas) {
        return deltas.stream().map(d -> KeyValue.pair(d.day(), d.delta())).toList();
    }
}
