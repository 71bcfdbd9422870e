package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.CompoundStatusChanged;
import org.casetrack.avro.HeadcountReported;
import org.casetrack.avro.OperatorArrested;

/**
 * The current facts of one compound, from its events. Headcounts are estimates, kept beside the
 * confirmed cases and never added to them.
 */
public record CompoundFacts(String compoundId, long version, String name, String country, String province, String locality,
                            Double latitude, Double longitude, LocalDate discoveredOn, String source, String reliability,
                            CompoundStatus status, LocalDate statusEffectiveOn, List<Headcount> headcounts,
                            List<OperatorArrest> operatorArrests) {

    public CompoundFacts {
        headcounts = List.copyOf(headcounts);
        operatorArrests = List.copyOf(operatorArrests);
    }

    public record Headcount(LocalDate reportedOn, int min, int max, List<String> nationalities, String source, String reliability) {
        public Headcount {
            nationalities = List.copyOf(nationalities);
        }
    }

    public record OperatorArrest(LocalDate arrestedOn, String publicSource) {
    }

    public static boolean isApplied(CompoundFacts facts, CompoundEvent event) {
        return facts != null && event.getMetadata().getSequence() <= facts.version();
    }

    /** @throws IllegalStateException when the compound was never discovered */
    public static CompoundFacts apply(CompoundFacts facts, CompoundEvent event) {
        Object payload = event.getPayload();
        long sequence = event.getMetadata().getSequence();
        if (payload instanceof CompoundDiscovered d) {
            return new CompoundFacts(event.getMetadata().getAggregateId(), sequence, d.getName(), d.getCountry(), d.getProvince(),
                    d.getLocality(), d.getLatitude(), d.getLongitude(), d.getDiscoveredOn(), d.getSource(), d.getReliability(),
                    CompoundStatus.ACTIVE, d.getDiscoveredOn(), List.of(), List.of());
        }
        if (facts == null) {
            throw new IllegalStateException("Compound event at sequence " + sequence + " for compound "
                    + event.getMetadata().getAggregateId() + ", which was never discovered");
        }
        CompoundStatus status = facts.status;
        LocalDate statusOn = facts.statusEffectiveOn;
        List<Headcount> counts = facts.headcounts;
        List<OperatorArrest> arrests = facts.operatorArrests;
        if (payload instanceof CompoundStatusChanged c) {
            status = c.getStatus();
            statusOn = c.getEffectiveOn();
        } else if (payload instanceof HeadcountReported h) {
            counts = new ArrayList<>(counts);
            counts.add(new Headcount(h.getReportedOn(), h.getMin(), h.getMax(), h.getNationalities(), h.getSource(), h.getReliability()));
        } else if (payload instanceof OperatorArrested o) {
            arrests = new ArrayList<>(arrests);
            arrests.add(new OperatorArrest(o.getArrestedOn(), o.getPublicSource()));
        }
        return new CompoundFacts(facts.compoundId, sequence, facts.name, facts.country, facts.province, facts.locality, facts.latitude,
                facts.longitude, facts.discoveredOn, facts.source, facts.reliability, status, statusOn, counts, arrests);
    }
}
