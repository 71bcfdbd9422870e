package org.casetrack.views.domain;

import java.util.HashMap;
import java.util.Map;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.CompoundView;
import org.casetrack.avro.HeadcountView;
import org.casetrack.avro.VictimsPerCompoundView;

/** The pushed view records of a compound, from its registry state and its counts (either may be missing). */
public final class ViewRecords {
    private ViewRecords() {
    }

    public static HeadcountView estimate(CompoundState state) {
        if (state == null || state.getLatestHeadcount() == null) {
            return null;
        }
        var h = state.getLatestHeadcount();
        return new HeadcountView(h.getReportedOn(), h.getMin(), h.getMax());
    }

    public static VictimsPerCompoundView victims(String compoundId, CompoundState state, CompoundCounts counts) {
        CompoundTally.Totals t = CompoundTally.totals(counts, null);
        Map<String, Integer> byNationality = new HashMap<>();
        if (counts != null) {
            counts.getByNationality().forEach((n, c) -> byNationality.put(n, c.getTotal()));
        }
        return VictimsPerCompoundView.newBuilder().setCompoundId(compoundId).setTotal(t.total())
                .setUnrepatriated(t.unrepatriated()).setRepatriated(t.repatriated()).setDetained(t.detained())
                .setByNationality(byNationality).setEstimated(estimate(state)).build();
    }

    public static CompoundView compound(String compoundId, CompoundState state, CompoundCounts counts) {
        CompoundTally.Totals t = CompoundTally.totals(counts, null);
        CompoundView.Builder v = CompoundView.newBuilder().setCompoundId(compoundId).setTotal(t.total())
                .setUnrepatriated(t.unrepatriated()).setRepatriated(t.repatriated()).setDetained(t.detained())
                .setEstimated(estimate(state));
        if (state == null) {
            return v.setRegistered(false).setStatus(CompoundStatus.UNKNOWN).build();
        }
        return v.setRegistered(true).setName(state.getName()).setCountry(state.getCountry()).setProvince(state.getProvince())
                .setLocality(state.getLocality()).setLatitude(state.getLatitude()).setLongitude(state.getLongitude())
                .setDiscoveredOn(state.getDiscoveredOn()).setStatus(state.getStatus()).setReliability(state.getReliability())
                .setOperatorArrests(state.getOperatorArrests()).build();
    }
}
