package org.casetrack.ledger.topology;

import org.casetrack.avro.Rejection;
import org.casetrack.ledger.domain.Rule;

/** A command must be keyed by its aggregate id: otherwise it sits in another aggregate's partition and order. */
final class Keys {
    private Keys() {
    }

    static Rejection mismatch() {
        return Rule.INVALID_COMMAND.reject("aggregateId", "the record key is not the command's aggregateId");
    }
}
