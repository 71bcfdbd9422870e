package org.casetrack.devstack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;

final class SampleEvent {
    private SampleEvent() {
    }

    static CaseEvent escapeReported(String caseId) {
        return CaseEvent.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setCommandId(UUID.randomUUID())
                        .setAggregateId(caseId)
                        .setSequence(1)
                        .setRecordedAt(Instant.parse("2026-01-18T03:15:00Z"))
                        .setOrganisation("IOM Cambodia")
                        .setPrincipal("coordinator-1")
                        .build())
                .setPayload(EscapeReported.newBuilder()
                        .setCompoundUnknown(true)
                        .setEscapedOn(LocalDate.of(2026, 1, 17))
                        .setCircumstance(Circumstance.ESCAPED)
                        .setNationality("TH")
                        .setReportId(UUID.randomUUID())
                        .build())
                .build();
    }
}
