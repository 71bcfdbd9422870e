package org.casetrack.ledger.domain;

import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.CompoundStatusChanged;
import org.casetrack.avro.HeadcountEstimate;
import org.casetrack.avro.HeadcountReported;
import org.casetrack.avro.OperatorArrested;

/** {@code (state, event) -> state} for compounds: the full state the registry publishes after each event. */
public final class CompoundEvolver {
    private CompoundEvolver() {
    }

    public static CompoundState apply(CompoundState state, CompoundEvent event) {
        Object payload = event.getPayload();
        long sequence = event.getMetadata().getSequence();
        if (payload instanceof CompoundDiscovered d) {
            return CompoundState.newBuilder().setCompoundId(d.getCompoundId()).setName(d.getName()).setCountry(d.getCountry())
                    .setProvince(d.getProvince()).setLocality(d.getLocality()).setLatitude(d.getLatitude())
                    .setLongitude(d.getLongitude()).setDiscoveredOn(d.getDiscoveredOn()).setSource(d.getSource())
                    .setReliability(d.getReliability()).setStatus(CompoundStatus.ACTIVE).setStatusSince(d.getDiscoveredOn())
                    .setVersion(sequence).build();
        }
        if (state == null) {
            throw new IllegalStateException("Compound event before its discovery, sequence " + sequence);
        }
        CompoundState.Builder next = CompoundState.newBuilder(state).setVersion(sequence);
        if (payload instanceof CompoundStatusChanged c) {
            next.setStatus(c.getStatus()).setStatusSince(c.getEffectiveOn());
        } else if (payload instanceof HeadcountReported h) {
            HeadcountEstimate latest = state.getLatestHeadcount();
            // the latest estimate by report date: an older report arriving late does not replace a newer one
            if (latest == null || !h.getReportedOn().isBefore(latest.getReportedOn())) {
                next.setLatestHeadcount(HeadcountEstimate.newBuilder().setReportedOn(h.getReportedOn()).setMin(h.getMin())
                        .setMax(h.getMax()).setNationalities(h.getNationalities()).setSource(h.getSource())
                        .setReliability(h.getReliability()).build());
            }
        } else if (payload instanceof OperatorArrested a) {
            next.setOperatorArrests(state.getOperatorArrests() + 1);
            if (state.getLastOperatorArrestOn() == null || a.getArrestedOn().isAfter(state.getLastOperatorArrestOn())) {
                next.setLastOperatorArrestOn(a.getArrestedOn());
            }
        }
        return next.build();
    }
}
