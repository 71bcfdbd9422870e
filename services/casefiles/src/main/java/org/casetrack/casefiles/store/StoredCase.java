package org.casetrack.casefiles.store;

import java.util.List;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.CompoundFacts;

/**
 * A case as stored: its current facts, its compound's facts when the projector has seen the
 * compound (null otherwise), and its history in order.
 */
public record StoredCase(CaseFacts facts, CompoundFacts compound, List<StoredEvent> history) {
    public StoredCase {
        history = List.copyOf(history);
    }
}
