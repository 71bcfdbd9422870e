package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import java.util.List;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.TraffickingRelation;

/** Arrests and detention: never shown to an embassy, and never a change of the trafficking status. */
public record LegalSituation(boolean detained, List<Arrest> arrests) {

    public LegalSituation {
        arrests = List.copyOf(arrests);
    }

    static LegalSituation none() {
        return new LegalSituation(false, List.of());
    }

    /** @param inForce true while the person is held on this arrest */
    public record Arrest(LocalDate arrestedOn, String country, String arrestingAuthority, DetentionType detentionType,
                         TraffickingRelation relatedToTrafficking, boolean inForce, DetentionOutcome lastOutcome,
                         LocalDate lastOutcomeOn) {

        Arrest withOutcome(DetentionOutcome outcome, LocalDate on, boolean stillInForce) {
            return new Arrest(arrestedOn, country, arrestingAuthority, detentionType, relatedToTrafficking, stillInForce, outcome, on);
        }
    }
}
