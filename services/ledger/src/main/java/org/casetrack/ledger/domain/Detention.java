package org.casetrack.ledger.domain;

import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.ArrestRecord;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.CaseState;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.Whereabouts;

/**
 * How arrests and detention outcomes change the legal situation and whereabouts. An outcome of CHARGED
 * or TRANSFERRED keeps the person detained (charged persons are held on remand, criminal detention; a
 * transfer moves them between facilities); RELEASED ends the detention with whereabouts unknown until
 * someone reports them; DEPORTED ends it with the person in transit (RepatriationCompleted then says
 * RETURNED).
 */
final class Detention {
    private Detention() {
    }

    static void arrested(CaseState state, CaseState.Builder next, ArrestReported a) {
        List<ArrestRecord> arrests = new ArrayList<>(state.getArrests());
        arrests.add(ArrestRecord.newBuilder().setArrestedOn(a.getArrestedOn()).setCountry(a.getCountry())
                .setDetentionType(a.getDetentionType()).setRelatedToTrafficking(a.getRelatedToTrafficking()).setInForce(true).build());
        next.setArrests(arrests).setDetained(true).setWhereabouts(held(a.getDetentionType()));
    }

    static void ended(CaseState state, CaseState.Builder next, DetentionEnded d) {
        List<ArrestRecord> arrests = new ArrayList<>(state.getArrests());
        if (arrests.isEmpty()) {
            throw new IllegalStateException("DetentionEnded without an arrest, sequence " + next.getVersion());
        }
        ArrestRecord current = arrests.get(arrests.size() - 1);
        ArrestRecord.Builder updated = ArrestRecord.newBuilder(current).setLastOutcome(d.getOutcome()).setLastOutcomeOn(d.getEndedOn());
        switch (d.getOutcome()) {
            case CHARGED -> next.setWhereabouts(Whereabouts.CRIMINAL_DETENTION);
            case TRANSFERRED -> next.setWhereabouts(isDetention(state.getWhereabouts())
                    ? state.getWhereabouts() : held(current.getDetentionType()));
            case DEPORTED -> {
                updated.setInForce(false);
                next.setDetained(false).setWhereabouts(Whereabouts.IN_TRANSIT);
            }
            default -> {
                updated.setInForce(false);
                next.setDetained(false).setWhereabouts(Whereabouts.UNKNOWN);
            }
        }
        arrests.set(arrests.size() - 1, updated.build());
        next.setArrests(arrests);
    }

    private static Whereabouts held(DetentionType type) {
        return switch (type) {
            case CRIMINAL -> Whereabouts.CRIMINAL_DETENTION;
            case IMMIGRATION -> Whereabouts.IMMIGRATION_DETENTION;
            default -> Whereabouts.UNKNOWN;
        };
    }

    private static boolean isDetention(Whereabouts whereabouts) {
        return whereabouts == Whereabouts.CRIMINAL_DETENTION || whereabouts == Whereabouts.IMMIGRATION_DETENTION;
    }
}
