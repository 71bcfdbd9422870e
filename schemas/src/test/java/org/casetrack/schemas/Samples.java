package org.casetrack.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.Gender;

/** Fixed sample records for schema tests. */
public final class Samples {
    public static final String CASE_ID = "6f1c1b7e-3c1a-5b7a-9d55-0a8f2f1e4c11";

    private Samples() {
    }

    public static CaseEvent escapeReported() {
        EventMetadata metadata = EventMetadata.newBuilder()
                .setEventId(UUID.fromString("0c6a3e2e-5d0b-4f43-9a53-2b1b6f0e9d01"))
                .setCommandId(UUID.fromString("7b2f4c1d-8e9a-5b3c-a1d2-3e4f5a6b7c8d"))
                .setAggregateId(CASE_ID)
                .setSequence(1)
                .setOccurredOn(LocalDate.of(2026, 1, 17))
                .setRecordedAt(Instant.parse("2026-01-18T03:15:00Z"))
                .setOrganisation("IOM Cambodia")
                .setPrincipal("coordinator-1")
                .build();
        EscapeReported escape = EscapeReported.newBuilder()
                .setCompoundId("a3d5c0e2-0f4b-5c6d-8e9f-101112131415")
                .setEscapedOn(LocalDate.of(2026, 1, 17))
                .setCircumstance(Circumstance.ESCAPED)
                .setNationality("TH")
                .setGender(Gender.MALE)
                .setAgeBand(AgeBand.AGE_25_34)
                .setReportId(UUID.fromString("7b2f4c1d-8e9a-5b3c-a1d2-3e4f5a6b7c8d"))
                .setGroupSize(3)
                .setPersonal(EncryptedBlock.newBuilder()
                        .setKeyId("k-1")
                        .setNonce(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))
                        .setCiphertext(ByteBuffer.wrap(new byte[] {42, 43, 44}))
                        .build())
                .build();
        return CaseEvent.newBuilder().setMetadata(metadata).setPayload(escape).build();
    }
}
