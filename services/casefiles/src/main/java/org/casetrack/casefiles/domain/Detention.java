package org.casetrack.casefiles.domain;

import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.Whereabouts;

/**
 * How arrests and detention outcomes change the legal situation and whereabouts, as the ledger
 * decides them (services/ledger Detention): CHARGED and TRANSFERRED keep the person held;
 * RELEASED ends the detention with whereabouts unknown; DEPORTED ends it with the person in transit.
 */
final class Detention {
    private Detention() {
    }

    static CaseFacts arrested(CaseFacts facts, ArrestReported a) {
        List<LegalSituation.Arrest> arrests = new ArrayList<>(facts.legal().arrests());
        arrests.add(new LegalSituation.Arrest(a.getArrestedOn(), a.getCountry(), a.getArrestingAuthority(), a.getDetentionType(),
                a.getRelatedToTrafficking(), true, null, null));
        return facts.withLegal(new LegalSituation(true, arrests))
                .withStatus(facts.status().withWhereabouts(held(a.getDetentionType())));
    }

    static CaseFacts ended(CaseFacts facts, DetentionEnded d) {
        List<LegalSituation.Arrest> arrests = new ArrayList<>(facts.legal().arrests());
        if (arrests.isEmpty()) {
            throw new IllegalStateException("DetentionEnded without an arrest in case " + facts.caseId());
        }
        LegalSituation.Arrest current = arrests.get(arrests.size() - 1);
        Whereabouts whereabouts = facts.status().whereabouts();
        boolean held = true;
        switch (d.getOutcome()) {
            case CHARGED -> whereabouts = Whereabouts.CRIMINAL_DETENTION;
            case TRANSFERRED -> whereabouts = isDetention(whereabouts) ? whereabouts : held(current.detentionType());
            case DEPORTED -> {
                held = false;
                whereabouts = Whereabouts.IN_TRANSIT;
            }
            default -> {
                held = false;
                whereabouts = Whereabouts.UNKNOWN;
            }
        }
        arrests.set(arrests.size() - 1, current.withOutcome(d.getOutcome(), d.getEndedOn(), held));
        return facts.withLegal(new LegalSituation(held, arrests)).withStatus(facts.status().withWhereabouts(whereabouts));
    }

    private static Whereabouts held(DetentionType type) {
        return switch (type) {
            case CRIMINAL -> Whereabouts.CRIMINAL_DETENTION;
            case IMMIGRATION -> Whereabouts.IMMIGRATION_DETENTION;
            default -> Whereabouts.UNKNOWN;
        };
    }

    static boolean isDetention(Whereabouts whereabouts) {
        return whereabouts == Whereabouts.CRIMINAL_DETENTION || whereabouts == Whereabouts.IMMIGRATION_DETENTION;
    }
}
