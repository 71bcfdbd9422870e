package org.casetrack.views.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.avro.CaseContribution;
import org.casetrack.avro.CompoundDelta;

/** A compound's count delta split into its count cells: nationality, escape date and flags, with the signs summed. */
final class CountCells implements DeltaFold.Cells<CompoundDelta> {
    @Override
    public Map<String, CompoundDelta> split(CompoundDelta delta) {
        Map<String, CompoundDelta> parts = new LinkedHashMap<>();
        for (CaseContribution c : delta.getContributions()) {
            CompoundDelta part = new CompoundDelta(List.of(c));
            parts.merge(cell(c), part, this::add);
        }
        return parts;
    }

    private static String cell(CaseContribution c) {
        return c.getNationality() + "|" + c.getEscapedOn() + "|" + (c.getUnrepatriated() ? 'u' : '-') + (c.getRepatriated() ? 'r' : '-')
                + (c.getDetained() ? 'd' : '-');
    }

    @Override
    public CompoundDelta add(CompoundDelta pending, CompoundDelta part) {
        CaseContribution sum = CaseContribution.newBuilder(pending.getContributions().get(0))
                .setSign(pending.getContributions().get(0).getSign() + part.getContributions().get(0).getSign()).build();
        return new CompoundDelta(List.of(sum));
    }

    @Override
    public boolean isZero(CompoundDelta cell) {
        return cell.getContributions().get(0).getSign() == 0;
    }

    @Override
    public List<CompoundDelta> join(List<CompoundDelta> cells) {
        List<CaseContribution> contributions = new ArrayList<>();
        cells.forEach(c -> contributions.addAll(c.getContributions()));
        return List.of(new CompoundDelta(contributions));
    }
}
