package org.casetrack.ledger.domain;

import java.util.List;
import java.util.function.Function;
import org.casetrack.avro.Rejection;

/** What a decider answers: events to append, a rejection, or "wait until this compound is in the registry". */
public sealed interface Decision<E> {

    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<E>(Rejection rejection) implements Decision<E> {
    }

    /** The command names a compound the registry does not hold yet; it may appear there shortly. */
    record AwaitingCompound<E>(String compoundId, String field) implements Decision<E> {
    }

    static <E> Decision<E> accept(E event) {
        return new Accepted<>(List.of(event));
    }

    static <E> Decision<E> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <E> Decision<E> reject(Rule rule, String field, String message) {
        return new Rejected<>(rule.reject(field, message));
    }

    static <E> Decision<E> awaitCompound(String compoundId, String field) {
        return new AwaitingCompound<>(compoundId, field);
    }

    /** The same decision with its events turned into other values (facts into envelopes). */
    default <F> Decision<F> map(Function<List<E>, List<F>> events) {
        if (this instanceof Accepted<E> accepted) {
            return new Accepted<>(events.apply(accepted.events()));
        }
        if (this instanceof Rejected<E> rejected) {
            return new Rejected<>(rejected.rejection());
        }
        AwaitingCompound<E> waiting = (AwaitingCompound<E>) this;
        return new AwaitingCompound<>(waiting.compoundId(), waiting.field());
    }
}
