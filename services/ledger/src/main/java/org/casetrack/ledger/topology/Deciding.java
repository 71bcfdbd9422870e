package org.casetrack.ledger.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.casetrack.ledger.domain.Decision;
import org.casetrack.ledger.domain.DecisionContext;
import org.casetrack.ledger.domain.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pure decider and applies the accepted events to the state, before any side effect. A defect
 * (an exception) in either becomes a LEDGER_ERROR rejection that is not remembered, so one bad command
 * neither stops the ledger nor poisons its id; the log line names the command and the exception class,
 * never a message (which could quote a value).
 */
final class Deciding {
    private static final Logger LOG = LoggerFactory.getLogger(Deciding.class);

    private Deciding() {
    }

    interface Decider<S, C, E> {
        Decision<E> decide(S state, C command, DecisionContext context);
    }

    /** The decision and, when accepted, the state after each event. */
    record Result<E, S>(Decision<E> decision, List<S> states) {
        S finalState() {
            return states.get(states.size() - 1);
        }
    }

    static <S, C, E> Result<E, S> run(Decider<S, C, E> decider, BiFunction<S, E, S> evolver, S state, C command,
                                      DecisionContext context, UUID commandId) {
        try {
            Decision<E> decision = decider.decide(state, command, context);
            List<S> states = new ArrayList<>();
            if (decision instanceof Decision.Accepted<E> accepted) {
                S next = state;
                for (E event : accepted.events()) {
                    next = evolver.apply(next, event);
                    states.add(next);
                }
            }
            return new Result<>(decision, states);
        } catch (RuntimeException e) {
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.error("Deciding command {} failed: {} at {}", commandId, e.getClass().getName(), where);
            return new Result<>(Decision.reject(Rule.LEDGER_ERROR, null, "the ledger could not decide this command"), List.of());
        }
    }
}
