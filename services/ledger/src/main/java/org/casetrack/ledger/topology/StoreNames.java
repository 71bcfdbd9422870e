package org.casetrack.ledger.topology;

/** Every store and node of the ledger's topology, named so their changelog topics survive code changes. */
public final class StoreNames {
    public static final String COMPOUND_STATE = "compound-state";
    public static final String COMPOUND_PROCESSED = "compound-processed-commands";
    public static final String CASE_STATE = "case-state";
    public static final String CASE_PROCESSED = "case-processed-commands";
    public static final String CASE_PENDING = "case-pending-commands";
    /** The global store over the compound-registry topic (no changelog: the topic is its log). */
    public static final String COMPOUND_REGISTRY = "compound-registry-store";

    static final String COMPOUND_SOURCE = "compound-commands-source";
    static final String COMPOUND_DECIDER = "compound-decider";
    static final String COMPOUND_EVENTS_SINK = "compound-events-sink";
    static final String COMPOUND_REGISTRY_SINK = "compound-registry-sink";
    static final String COMPOUND_OUTCOMES_SINK = "compound-outcomes-sink";
    static final String CASE_SOURCE = "case-commands-source";
    static final String CASE_DECIDER = "case-decider";
    static final String CASE_EVENTS_SINK = "case-events-sink";
    static final String CASE_OUTCOMES_SINK = "case-outcomes-sink";
    static final String REGISTRY_SOURCE = "compound-registry-source";
    static final String REGISTRY_UPDATER = "compound-registry-updater";

    private StoreNames() {
    }
}
