package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.casetrack.avro.CaseState;
import org.casetrack.ledger.fixtures.Events;
import org.junit.jupiter.api.Test;

class CaseEvolverTest {
    /** The fields a new case takes from its EscapeReported (and its id, version and lifecycle). */
    private static final Set<String> FROM_THE_ESCAPE = Set.of("caseId", "version", "lifecycle", "compoundId", "compoundUnknown",
            "circumstance", "nationality", "citizenshipBasis", "stateless", "gender", "ageBand", "minor", "unaccompanied",
            "intendsToReturn", "escapedOn", "reportId", "whereabouts");

    @Test
    void aNewCaseHoldsTheSchemaDefaultInEveryFieldItsEscapeDoesNotGive() {
        CaseState opened = CaseHistory.given(Events.escaped(null)).state();

        int checked = 0;
        for (Schema.Field field : CaseState.getClassSchema().getFields()) {
            if (!FROM_THE_ESCAPE.contains(field.name())) {
                assertThat(opened.get(field.pos())).as(field.name()).isEqualTo(SpecificData.get().getDefaultValue(field));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(CaseState.getClassSchema().getFields().size() - FROM_THE_ESCAPE.size());
    }
}
