package org.casetrack.feeds.topology;

import java.util.Optional;
import org.casetrack.avro.FeedCaseState;

/** The current consent-relevant state of a case, as the feeds topology keeps it. */
public interface CaseStates {

    /**
     * @return empty when this instance knows no such case
     * @throws Unavailable while the state cannot be read (the topology is starting or rebalancing)
     */
    Optional<FeedCaseState> find(String caseId);

    /** The state cannot be read now; try again shortly. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
