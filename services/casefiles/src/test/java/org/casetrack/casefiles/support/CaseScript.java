package org.casetrack.casefiles.support;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.PersonalData;

/**
 * Writes one case's events in the shapes the ledger writes: envelopes with the next sequence, a
 * fresh event id, the reporting principal and organisation, and personal data sealed by the sealer
 * given (the real cipher and key store in HTTP tests; opaque bytes where nobody decrypts).
 */
public final class CaseScript {
    /** Seals personal data for a case into a block. */
    public interface Sealer extends BiFunction<String, PersonalData, EncryptedBlock> {
    }

    /** Random bytes under a made-up key id: for tests that store blocks but never open them. */
    public static final Sealer OPAQUE = (caseId, data) -> EncryptedBlock.newBuilder().setKeyId("k-" + caseId)
            .setNonce(ByteBuffer.wrap(UUID.randomUUID().toString().substring(0, 12).getBytes()))
            .setCiphertext(ByteBuffer.wrap(UUID.randomUUID().toString().getBytes())).build();

    private final String caseId;
    private final Sealer sealer;
    private final List<CaseEvent> events = new ArrayList<>();
    private String principal = "field-worker-1";
    private String organisation = "IOM Cambodia";

    private CaseScript(String caseId, Sealer sealer) {
        this.caseId = caseId;
        this.sealer = sealer;
    }

    public static CaseScript of(String caseId, Sealer sealer) {
        return new CaseScript(caseId, sealer);
    }

    public static CaseScript of(Sealer sealer) {
        return of(UUID.randomUUID().toString(), sealer);
    }

    public String caseId() {
        return caseId;
    }

    public CaseScript reportedBy(String principal, String organisation) {
        this.principal = principal;
        this.organisation = organisation;
        return this;
    }

    /** An escape with the usual defaults; {@code customise} may change anything but the report id. */
    public CaseScript escaped(String nationality, LocalDate on, String compoundId, PersonalData personal,
                              java.util.function.Consumer<EscapeReported.Builder> customise) {
        EscapeReported.Builder b = EscapeReported.newBuilder().setNationality(nationality).setEscapedOn(on)
                .setCircumstance(Circumstance.ESCAPED).setReportId(UUID.randomUUID())
                .setCompoundId(compoundId).setCompoundUnknown(compoundId == null);
        customise.accept(b);
        if (personal != null) {
            b.setPersonal(seal(personal));
        }
        return then(b.build());
    }

    public CaseScript escaped(String nationality, LocalDate on, String compoundId) {
        return escaped(nationality, on, compoundId, null, b -> { });
    }

    public EncryptedBlock seal(PersonalData personal) {
        return sealer.apply(caseId, personal);
    }

    /** Appends an event with this payload (any case event type) at the next sequence. */
    public CaseScript then(Object payload) {
        long sequence = events.size() + 1;
        EventMetadata metadata = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setCommandId(UUID.randomUUID())
                .setAggregateId(caseId).setSequence(sequence).setOccurredOn(LocalDate.of(2026, 1, 20))
                .setRecordedAt(Instant.parse("2026-01-20T08:00:00Z").plusSeconds(sequence))
                .setOrganisation(organisation).setPrincipal(principal).build();
        events.add(CaseEvent.newBuilder().setMetadata(metadata).setPayload(payload).build());
        return this;
    }

    public List<CaseEvent> events() {
        return List.copyOf(events);
    }
}
