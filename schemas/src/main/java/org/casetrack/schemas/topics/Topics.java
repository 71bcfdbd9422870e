package org.casetrack.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.ViewGeneration;
import org.casetrack.schemas.topics.Topic.Cleanup;
import org.casetrack.schemas.topics.Topic.Partitioning;

/**
 * Every topic of casetrack, declared once. A prefix (empty in production) lets tests share one
 * broker without sharing data.
 */
public final class Topics {
    private static final Optional<Duration> FOREVER = Optional.empty();
    private static final Optional<Duration> WEEK = Optional.of(Duration.ofDays(7));

    public static final Topics DEFAULT = new Topics("");

    private final String prefix;
    private final Topic<CompoundCommand> compoundCommands;
    private final Topic<CaseCommand> caseCommands;
    private final Topic<CompoundEvent> compoundEvents;
    private final Topic<CaseEvent> caseEvents;
    private final Topic<CompoundState> compoundRegistry;
    private final Topic<CommandOutcome> commandOutcomes;
    private final Topic<String> schemas;
    private final Topic<ViewGeneration> viewGenerations;

    public Topics(String prefix) {
        this.prefix = prefix;
        this.compoundCommands = shared("compound-commands", CompoundCommand.class, Cleanup.DELETE, WEEK);
        this.caseCommands = shared("case-commands", CaseCommand.class, Cleanup.DELETE, WEEK);
        this.compoundEvents = shared("compound-events", CompoundEvent.class, Cleanup.DELETE, FOREVER);
        this.caseEvents = shared("case-events", CaseEvent.class, Cleanup.DELETE, FOREVER);
        this.compoundRegistry = shared("compound-registry", CompoundState.class, Cleanup.COMPACT, FOREVER);
        this.commandOutcomes = shared("command-outcomes", CommandOutcome.class, Cleanup.DELETE, WEEK);
        this.schemas = new Topic<>(prefix + "_schemas", String.class, Cleanup.COMPACT, Partitioning.SINGLE, FOREVER,
                Topic.DEFAULT_MAX_MESSAGE_BYTES);
        this.viewGenerations = new Topic<>(prefix + "view-generations", ViewGeneration.class, Cleanup.COMPACT, Partitioning.SINGLE,
                FOREVER, Topic.DEFAULT_MAX_MESSAGE_BYTES);
    }

    private <V> Topic<V> shared(String name, Class<V> type, Cleanup cleanup, Optional<Duration> retention) {
        return new Topic<>(prefix + name, type, cleanup, Partitioning.SHARED, retention, Topic.DEFAULT_MAX_MESSAGE_BYTES);
    }

    public String prefix() {
        return prefix;
    }

    public Topic<CompoundCommand> compoundCommands() {
        return compoundCommands;
    }

    public Topic<CaseCommand> caseCommands() {
        return caseCommands;
    }

    public Topic<CompoundEvent> compoundEvents() {
        return compoundEvents;
    }

    public Topic<CaseEvent> caseEvents() {
        return caseEvents;
    }

    public Topic<CompoundState> compoundRegistry() {
        return compoundRegistry;
    }

    public Topic<CommandOutcome> commandOutcomes() {
        return commandOutcomes;
    }

    /** The embedded registry's store. */
    public Topic<String> schemas() {
        return schemas;
    }

    /**
     * A view topic of the views service: {@code <prefix>view-<name>.g<generation>}, compacted, keyed by the view key.
     * Each rebuild writes a new generation, so readers switch generations instead of seeing a view rewritten.
     */
    public <V> Topic<V> view(String name, Class<V> type, int generation) {
        return new Topic<>(prefix + "view-" + name + ".g" + generation, type, Cleanup.COMPACT, Partitioning.SHARED, FOREVER,
                Topic.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** The views service's control topic: key "views" -> the generation it answers from (one partition, so one order). */
    public Topic<ViewGeneration> viewGenerations() {
        return viewGenerations;
    }

    /** The dead-letter topic of a source topic: the original bytes, the error in headers, kept forever. */
    public Topic<byte[]> deadLetters(Topic<?> source) {
        return new Topic<>(source.name() + "-dlq", byte[].class, Cleanup.DELETE, Partitioning.SHARED, FOREVER,
                Topic.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Topics whose records are Avro and can be poisoned. */
    public List<Topic<?>> sources() {
        return List.of(compoundCommands, caseCommands, compoundEvents, caseEvents, compoundRegistry, commandOutcomes);
    }

    /** Every topic the provisioner creates at start-up. */
    public List<Topic<?>> all() {
        List<Topic<?>> all = new ArrayList<>(sources());
        all.add(schemas);
        sources().forEach(s -> all.add(deadLetters(s)));
        all.add(viewGenerations);
        return List.copyOf(all);
    }

    /** The lower-case ISO code of a nationality's feed topic name. */
    public String embassyFeedName(String iso2) {
        return prefix + "embassy-feed-" + iso2.toLowerCase(Locale.ROOT);
    }

    /** How long a feed topic keeps its records unless the feeds service is configured otherwise. */
    public static final Duration EMBASSY_FEED_RETENTION = Duration.ofDays(90);

    /**
     * One nationality's embassy feed, {@code <prefix>embassy-feed-<iso2 lower case>}: minimised events
     * keyed by case id, on a single partition so that an offset is a position in the feed. Not in
     * {@link #all()}: the feeds service provisions the feeds of its configured nationalities.
     */
    public Topic<FeedEntry> embassyFeed(String iso2) {
        return embassyFeed(iso2, EMBASSY_FEED_RETENTION);
    }

    /** One nationality's embassy feed with the given retention. */
    public Topic<FeedEntry> embassyFeed(String iso2, Duration retention) {
        return new Topic<>(embassyFeedName(iso2), FeedEntry.class, Cleanup.DELETE, Partitioning.SINGLE, Optional.of(retention),
                Topic.DEFAULT_MAX_MESSAGE_BYTES);
    }
}
