package org.casetrack.casefiles.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.EventMetadata;

/** Writes one compound's events as the ledger does. */
public final class CompoundScript {
    private final String compoundId;
    private final List<CompoundEvent> events = new ArrayList<>();

    private CompoundScript(String compoundId) {
        this.compoundId = compoundId;
    }

    public static CompoundScript discovered(String name, String country, LocalDate on) {
        CompoundScript script = new CompoundScript(UUID.randomUUID().toString());
        return script.then(CompoundDiscovered.newBuilder().setCompoundId(script.compoundId).setName(name).setCountry(country)
                .setDiscoveredOn(on).setReliability("B2").build());
    }

    public String compoundId() {
        return compoundId;
    }

    public CompoundScript then(Object payload) {
        long sequence = events.size() + 1;
        EventMetadata metadata = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setCommandId(UUID.randomUUID())
                .setAggregateId(compoundId).setSequence(sequence).setRecordedAt(Instant.parse("2026-01-06T08:00:00Z").plusSeconds(sequence))
                .setOrganisation("IOM Cambodia").setPrincipal("analyst-1").build();
        events.add(CompoundEvent.newBuilder().setMetadata(metadata).setPayload(payload).build());
        return this;
    }

    public List<CompoundEvent> events() {
        return List.copyOf(events);
    }
}
