package org.casetrack.ledger.domain;

import java.time.Instant;
import java.util.List;
import org.casetrack.avro.ChangeCompoundStatus;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundStatusChanged;
import org.casetrack.avro.DiscoverCompound;
import org.casetrack.avro.HeadcountReported;
import org.casetrack.avro.OperatorArrested;
import org.casetrack.avro.RecordOperatorArrest;
import org.casetrack.avro.Rejection;
import org.casetrack.avro.ReportHeadcount;

/** Decides compound commands: {@code (state, command) -> events | rejection}. State null means "no such compound". */
public final class CompoundDecider {
    private CompoundDecider() {
    }

    public static Decision<CompoundEvent> decide(CompoundState state, CompoundCommand command, DecisionContext context) {
        Decision<Fact> decision = facts(state, command.getMetadata().getAggregateId(), command.getPayload(), context);
        long version = state == null ? 0 : state.getVersion();
        Instant now = context.now();
        return decision.map(facts -> Envelopes.compoundEvents(command.getMetadata(), version, now, facts));
    }

    private static Decision<Fact> facts(CompoundState state, String compoundId, Object payload, DecisionContext context) {
        if (payload instanceof DiscoverCompound discover) {
            return discover(state, compoundId, discover, context);
        }
        if (state == null) {
            return Decision.reject(Rule.UNKNOWN_COMPOUND.reject(404, "compoundId", "no compound with this id"));
        }
        if (payload instanceof ChangeCompoundStatus change) {
            return changeStatus(state, change, context);
        }
        if (payload instanceof ReportHeadcount headcount) {
            return headcount(state, headcount, context);
        }
        if (payload instanceof RecordOperatorArrest arrest) {
            return operatorArrest(arrest, context);
        }
        return Decision.reject(Rule.INVALID_COMMAND, "payload", "unknown compound command");
    }

    private static Decision<Fact> discover(CompoundState state, String compoundId, DiscoverCompound d, DecisionContext context) {
        if (state != null) {
            return Decision.reject(Rule.COMPOUND_EXISTS, "compoundId", "a compound with this id exists");
        }
        Rejection rejection = Checks.first(
                () -> Checks.required(d.getName(), "name"),
                () -> Checks.country(d.getCountry(), "country"),
                () -> d.getLatitude() != null && Math.abs(d.getLatitude()) > 90
                        ? Rule.INVALID_COMMAND.reject("latitude", "latitude must be between -90 and 90") : null,
                () -> d.getLongitude() != null && Math.abs(d.getLongitude()) > 180
                        ? Rule.INVALID_COMMAND.reject("longitude", "longitude must be between -180 and 180") : null,
                () -> Checks.notInFuture(d.getDiscoveredOn(), "discoveredOn", context));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(CompoundDiscovered.newBuilder()
                .setCompoundId(compoundId)
                .setName(d.getName()).setCountry(d.getCountry()).setProvince(d.getProvince()).setLocality(d.getLocality())
                .setLatitude(d.getLatitude()).setLongitude(d.getLongitude()).setDiscoveredOn(d.getDiscoveredOn())
                .setSource(d.getSource()).setReliability(d.getReliability()).build(), d.getDiscoveredOn()));
    }

    private static Decision<Fact> changeStatus(CompoundState state, ChangeCompoundStatus c, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> Checks.known(c.getStatus(), "status"),
                () -> Checks.notInFuture(c.getEffectiveOn(), "effectiveOn", context),
                () -> Checks.notBefore(c.getEffectiveOn(), state.getDiscoveredOn(), "effectiveOn", "the discovery"),
                () -> Checks.notBefore(c.getEffectiveOn(), state.getStatusSince(), "effectiveOn", "the current status"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(CompoundStatusChanged.newBuilder().setStatus(c.getStatus())
                .setEffectiveOn(c.getEffectiveOn()).setSource(c.getSource()).build(), c.getEffectiveOn()));
    }

    private static Decision<Fact> headcount(CompoundState state, ReportHeadcount h, DecisionContext context) {
        Rejection rejection = Checks.first(
                () -> h.getMin() < 0 ? Rule.INVALID_COMMAND.reject("min", "min may not be negative") : null,
                () -> h.getMin() > h.getMax() ? Rule.INVALID_COMMAND.reject("max", "min is greater than max") : null,
                () -> h.getNationalities().stream().allMatch(Checks::isCountry) ? null
                        : Rule.INVALID_COMMAND.reject("nationalities", "nationalities must be ISO 3166-1 alpha-2 codes"),
                () -> Checks.notInFuture(h.getReportedOn(), "reportedOn", context),
                () -> Checks.notBefore(h.getReportedOn(), state.getDiscoveredOn(), "reportedOn", "the discovery"));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(HeadcountReported.newBuilder().setReportedOn(h.getReportedOn()).setMin(h.getMin())
                .setMax(h.getMax()).setNationalities(List.copyOf(h.getNationalities())).setSource(h.getSource())
                .setReliability(h.getReliability()).build(), h.getReportedOn()));
    }

    private static Decision<Fact> operatorArrest(RecordOperatorArrest a, DecisionContext context) {
        // an operator may have been arrested before the compound became known to us: no order against the discovery
        Rejection rejection = Checks.first(
                () -> Checks.required(a.getPublicSource(), "publicSource"),
                () -> Checks.notInFuture(a.getArrestedOn(), "arrestedOn", context));
        if (rejection != null) {
            return Decision.reject(rejection);
        }
        return Decision.accept(new Fact(OperatorArrested.newBuilder().setArrestedOn(a.getArrestedOn())
                .setPublicSource(a.getPublicSource()).build(), a.getArrestedOn()));
    }
}
