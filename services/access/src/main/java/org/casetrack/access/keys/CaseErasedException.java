package org.casetrack.access.keys;

import org.casetrack.access.http.Problem;
import org.casetrack.access.http.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * The case's data key was destroyed: its personal data is erased and it takes no new personal
 * data (a new key would quietly undo the erasure for whatever is written next). Over HTTP it
 * answers 409.
 */
public class CaseErasedException extends ProblemException {
    private final String caseId;

    public CaseErasedException(String caseId) {
        super(Problem.typed("personal-data-erased", HttpStatus.CONFLICT,
                "The personal data of case " + caseId + " was erased; the case takes no new personal data", List.of()));
        this.caseId = caseId;
    }

    public String caseId() {
        return caseId;
    }
}
