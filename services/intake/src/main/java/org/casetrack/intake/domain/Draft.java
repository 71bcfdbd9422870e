package org.casetrack.intake.domain;

import java.util.function.Function;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.PersonalData;

/**
 * A validated command payload still waiting for its encrypted block: the personal data (null when
 * the request had none) is sealed under the case's key once the case id is known.
 */
public record Draft(Function<EncryptedBlock, Object> build, PersonalData personal) {

    public static Draft clear(Object payload) {
        return new Draft(block -> payload, null);
    }

    public boolean hasPersonalData() {
        return personal != null;
    }
}
