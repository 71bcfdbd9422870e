package org.casetrack.views.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.casetrack.avro.CaseContribution;
import org.casetrack.avro.CaseSummary;
import org.casetrack.avro.CompoundDelta;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.Whereabouts;

/**
 * What a case counts as. Unrepatriated: open and the person intends to return. Repatriated: a
 * repatriation was completed (it stays counted when the case is later closed). Detained: in
 * criminal or immigration detention now, whether or not repatriated.
 */
public final class Counting {
    /** The count key of cases whose compound is not known. */
    public static final String UNKNOWN_COMPOUND = "UNKNOWN";
    public static final String UNKNOWN_NATIONALITY = "XX";

    private Counting() {
    }

    public static boolean isDetained(Whereabouts whereabouts) {
        return whereabouts == Whereabouts.CRIMINAL_DETENTION || whereabouts == Whereabouts.IMMIGRATION_DETENTION;
    }

    public static String compoundKey(CaseSummary summary) {
        return summary.getCompoundId() == null ? UNKNOWN_COMPOUND : summary.getCompoundId();
    }

    /** The contribution of a case to its compound's counts; empty for a summary that counts nowhere. */
    public static CaseContribution contribution(CaseSummary summary, int sign) {
        if (summary == null || !summary.getOpened()) {
            return null;
        }
        boolean unrepatriated = summary.getLifecycle() == Lifecycle.OPEN && summary.getIntendsToReturn();
        return CaseContribution.newBuilder()
                .setSign(sign)
                .setNationality(summary.getNationality())
                .setEscapedOn(unrepatriated ? summary.getEscapedOn() : null)
                .setUnrepatriated(unrepatriated)
                .setRepatriated(summary.getRepatriatedOn() != null)
                .setDetained(isDetained(summary.getWhereabouts()))
                .build();
    }

    /** A compound id and the change to its counts. */
    public record Keyed(String compoundId, CompoundDelta delta) {
    }

    /**
     * The changes to compound counts when a case's summary goes from {@code before} to {@code after}:
     * nothing when the case counts the same, one delta taking it out of one cell and into another when it
     * moves within a compound, two when it moves between compounds. So each transition moves a case once.
     */
    public static List<Keyed> deltas(CaseSummary before, CaseSummary after) {
        CaseContribution out = contribution(before, -1);
        CaseContribution in = contribution(after, 1);
        String fromKey = out == null ? null : compoundKey(before);
        String toKey = in == null ? null : compoundKey(after);
        if (out != null && in != null && fromKey.equals(toKey) && sameCells(out, in)) {
            return List.of();
        }
        List<Keyed> deltas = new ArrayList<>(2);
        if (out != null && in != null && fromKey.equals(toKey)) {
            deltas.add(new Keyed(fromKey, new CompoundDelta(List.of(out, in))));
            return deltas;
        }
        if (out != null) {
            deltas.add(new Keyed(fromKey, new CompoundDelta(List.of(out))));
        }
        if (in != null) {
            deltas.add(new Keyed(toKey, new CompoundDelta(List.of(in))));
        }
        return deltas;
    }

    private static boolean sameCells(CaseContribution a, CaseContribution b) {
        return a.getNationality().equals(b.getNationality()) && Objects.equals(a.getEscapedOn(), b.getEscapedOn())
                && a.getUnrepatriated() == b.getUnrepatriated() && a.getRepatriated() == b.getRepatriated()
                && a.getDetained() == b.getDetained();
    }
}
