package org.casetrack.views.topology;

import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;

/**
 * Told, in the stream thread, of every new value of a compound's counts and registry state as the
 * topology computes it, so that answers can be given without reading the stores (see
 * {@link LatestCompounds}).
 */
public interface CompoundChanges {
    CompoundChanges NONE = new CompoundChanges() {
        @Override
        public void counts(String compoundId, CompoundCounts counts) {
        }

        @Override
        public void registry(String compoundId, CompoundState state) {
        }
    };

    /** The counts the topology is about to put in the counts store. */
    void counts(String compoundId, CompoundCounts counts);

    /** The registry state just put in the registry store; null when the compound was removed. */
    void registry(String compoundId, CompoundState state);
}
