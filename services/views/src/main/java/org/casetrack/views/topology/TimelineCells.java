package org.casetrack.views.topology;

import java.util.List;
import java.util.Map;
import org.casetrack.avro.TimelineDelta;

/** A day's timeline delta as one cell per nationality (compound events have none), with the counts summed. */
final class TimelineCells implements DeltaFold.Cells<TimelineDelta> {
    @Override
    public Map<String, TimelineDelta> split(TimelineDelta delta) {
        return Map.of(delta.getNationality() == null ? "-" : "|" + delta.getNationality(), delta);
    }

    @Override
    public TimelineDelta add(TimelineDelta a, TimelineDelta b) {
        return new TimelineDelta(a.getNationality(), a.getEscapes() + b.getEscapes(), a.getRepatriations() + b.getRepatriations(),
                a.getArrests() + b.getArrests(), a.getDiscoveries() + b.getDiscoveries(), a.getOperatorArrests() + b.getOperatorArrests());
    }

    @Override
    public boolean isZero(TimelineDelta d) {
        return d.getEscapes() == 0 && d.getRepatriations() == 0 && d.getArrests() == 0 && d.getDiscoveries() == 0
                && d.getOperatorArrests() == 0;
    }

    @Override
    public List<TimelineDelta> join(List<TimelineDelta> cells) {
        return cells;
    }
}
