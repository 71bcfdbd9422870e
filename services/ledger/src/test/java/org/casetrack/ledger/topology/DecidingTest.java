package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.Rejection;
import org.casetrack.ledger.domain.CaseDecider;
import org.casetrack.ledger.domain.CaseEvolver;
import org.casetrack.ledger.domain.Decision;
import org.casetrack.ledger.domain.DecisionContext;
import org.casetrack.ledger.domain.Rule;
import org.casetrack.ledger.fixtures.Commands;
import org.junit.jupiter.api.Test;

class DecidingTest {
    private static final DecisionContext CONTEXT = new DecisionContext(Commands.NOW, id -> true);

    @Test
    void acceptedEventsAreAppliedToTheStateOneByOne() {
        CaseCommand escape = Commands.caseCommand("case-1", Commands.escape(null));

        Deciding.Result<CaseEvent, CaseState> result = Deciding.run(CaseDecider::decide, CaseEvolver::apply, null, escape, CONTEXT,
                escape.getMetadata().getCommandId());

        assertThat(result.decision()).isInstanceOf(Decision.Accepted.class);
        assertThat(result.states()).singleElement().satisfies(s -> assertThat(s.getVersion()).isEqualTo(1));
    }

    @Test
    void aDefectBecomesAnUnrememberedLedgerErrorThatQuotesNothing() {
        Deciding.Decider<CaseState, CaseCommand, CaseEvent> broken = (state, command, context) -> {
            throw new IllegalStateException("cannot handle Somchai Jaidee");
        };

        Deciding.Result<CaseEvent, CaseState> result = Deciding.run(broken, CaseEvolver::apply, null,
                Commands.caseCommand("case-1", Commands.escape(null)), CONTEXT, UUID.randomUUID());

        Rejection rejection = ((Decision.Rejected<CaseEvent>) result.decision()).rejection();
        assertThat(rejection.getCode()).isEqualTo("LEDGER_ERROR");
        assertThat(rejection.getHttpStatus()).isEqualTo(500);
        assertThat(rejection.getMessage()).doesNotContain("Somchai");
        assertThat(Rule.isRemembered(rejection)).isFalse();
        assertThat(result.states()).isEmpty();
    }
}
