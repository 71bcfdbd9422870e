package org.casetrack.feeds.support;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.ConsentPurpose;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationMode;
import org.casetrack.avro.RepatriationScheduled;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TraffickingRelation;

/**
 * Case events as the ledger writes them, for tests: each case's sequence counts up from 1. The
 * encrypted blocks are opaque bytes here (the feeds never open them).
 */
public final class CaseEvents {
    public static final LocalDate ESCAPED_ON = LocalDate.of(2026, 1, 17);

    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    public static String newCaseId() {
        return UUID.randomUUID().toString();
    }

    public CaseEvent escape(String caseId, String nationality) {
        return escape(caseId, EscapeReported.newBuilder().setCompoundId("compound-gwp").setEscapedOn(ESCAPED_ON)
                .setCircumstance(Circumstance.ESCAPED).setNationality(nationality).setReportId(UUID.randomUUID())
                .setPersonal(block(caseId)).build());
    }

    public CaseEvent escape(String caseId, EscapeReported payload) {
        return event(caseId, payload, payload.getEscapedOn());
    }

    public static EscapeReported.Builder escapeOf(String nationality) {
        return EscapeReported.newBuilder().setCompoundId("compound-gwp").setEscapedOn(ESCAPED_ON).setCircumstance(Circumstance.ESCAPED)
                .setNationality(nationality).setReportId(UUID.randomUUID());
    }

    public CaseEvent consent(String caseId, String recipient, boolean given, LocalDate expiresOn) {
        return consent(caseId, recipient, given, expiresOn, false, List.of(DataCategory.IDENTITY, DataCategory.CONTACT));
    }

    public CaseEvent consent(String caseId, String recipient, boolean given, LocalDate expiresOn, boolean bestInterests,
                             List<DataCategory> categories) {
        LocalDate on = ESCAPED_ON.plusDays(1);
        return event(caseId, ConsentRecorded.newBuilder().setRecipient(recipient).setGiven(given)
                .setPurposes(given ? List.of(ConsentPurpose.REPATRIATION) : List.of()).setDataCategories(categories)
                .setExpiresOn(expiresOn).setBestInterestsDecision(bestInterests).setRecordedOn(on).build(), on);
    }

    public CaseEvent referral(String caseId, ServiceType service) {
        LocalDate on = ESCAPED_ON.plusDays(2);
        return event(caseId, ReferralMade.newBuilder().setService(service).setTo("shelter-org").setReferredOn(on).build(), on);
    }

    public CaseEvent assistance(String caseId, ServiceType type) {
        LocalDate on = ESCAPED_ON.plusDays(2);
        return event(caseId, AssistanceProvided.newBuilder().setType(type).setProvidedOn(on).setProvider("clinic").build(), on);
    }

    public CaseEvent arrest(String caseId) {
        LocalDate on = ESCAPED_ON.plusDays(3);
        return event(caseId, ArrestReported.newBuilder().setArrestedOn(on).setCountry("KH").setDetentionType(DetentionType.IMMIGRATION)
                .setRelatedToTrafficking(TraffickingRelation.YES).setPersonal(block(caseId)).build(), on);
    }

    public CaseEvent detentionEnded(String caseId) {
        LocalDate on = ESCAPED_ON.plusDays(4);
        return event(caseId, DetentionEnded.newBuilder().setEndedOn(on).setOutcome(DetentionOutcome.RELEASED).build(), on);
    }

    public CaseEvent scheduled(String caseId) {
        LocalDate on = ESCAPED_ON.plusDays(10);
        return event(caseId, RepatriationScheduled.newBuilder().setPlannedOn(on).setDestinationCountry("TH")
                .setCrossingPoint("Ban Khlong Luek").setMode(RepatriationMode.EMBASSY_ORGANISED).build(), ESCAPED_ON.plusDays(5));
    }

    public CaseEvent repatriated(String caseId) {
        LocalDate on = ESCAPED_ON.plusDays(10);
        return event(caseId, RepatriationCompleted.newBuilder().setRepatriatedOn(on).setDestinationCountry("TH")
                .setMode(RepatriationMode.EMBASSY_ORGANISED).build(), on);
    }

    public CaseEvent corrected(String caseId, String field, String value, String previous) {
        return event(caseId, CaseDetailsCorrected.newBuilder().setField(field).setValue(value).setPreviousValue(previous)
                .setPersonal(block(caseId)).build(), null);
    }

    public CaseEvent closed(String caseId) {
        LocalDate on = ESCAPED_ON.plusDays(20);
        return event(caseId, CaseClosed.newBuilder().setReason(ClosureReason.RETURNED).setClosedOn(on).build(), on);
    }

    public CaseEvent erased(String caseId) {
        LocalDate on = ESCAPED_ON.plusDays(30);
        return event(caseId, PersonalDataErased.newBuilder().setErasedOn(on).build(), on);
    }

    public CaseEvent event(String caseId, Object payload, LocalDate occurredOn) {
        long sequence = sequences.merge(caseId, 1L, Long::sum);
        return CaseEvent.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setCommandId(UUID.randomUUID())
                        .setAggregateId(caseId).setSequence(sequence).setOccurredOn(occurredOn)
                        .setRecordedAt(Instant.parse("2026-01-20T03:00:00Z").plusSeconds(sequence))
                        .setOrganisation("IOM Cambodia").setPrincipal("coordinator-sokha").build())
                .setPayload(payload)
                .build();
    }

    /** An encrypted block as the ledger carries it; its bytes are never looked at by the feeds. */
    public static EncryptedBlock block(String caseId) {
        return EncryptedBlock.newBuilder().setKeyId("key-" + caseId).setNonce(ByteBuffer.wrap(new byte[12]))
                .setCiphertext(ByteBuffer.wrap(("sealed personal data of " + caseId).getBytes())).build();
    }
}
