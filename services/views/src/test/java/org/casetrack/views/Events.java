package org.casetrack.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.CompoundState;
import org.casetrack.avro.CompoundStatus;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.HeadcountEstimate;
import org.casetrack.avro.OperatorArrested;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationMode;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.TraffickingRelation;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.Whereabouts;

/** Events in the shapes the ledger writes them (envelope, metadata, payload), for tests. */
public final class Events {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Events() {
    }

    public static EventMetadata metadata(String aggregateId, LocalDate occurredOn) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setCommandId(UUID.randomUUID())
                .setAggregateId(aggregateId).setSequence(SEQUENCE.incrementAndGet()).setOccurredOn(occurredOn)
                .setRecordedAt(Instant.now()).setOrganisation("test-org").setPrincipal("test-coordinator").build();
    }

    private static CaseEvent caseEvent(String caseId, LocalDate on, Object payload) {
        return CaseEvent.newBuilder().setMetadata(metadata(caseId, on)).setPayload(payload).build();
    }

    public static CaseEvent escape(String caseId, String compoundId, String nationality, LocalDate escapedOn) {
        return escape(caseId, compoundId, nationality, escapedOn, true);
    }

    public static CaseEvent escape(String caseId, String compoundId, String nationality, LocalDate escapedOn, boolean intendsToReturn) {
        return caseEvent(caseId, escapedOn, EscapeReported.newBuilder().setCompoundId(compoundId).setCompoundUnknown(compoundId == null)
                .setEscapedOn(escapedOn).setCircumstance(Circumstance.ESCAPED).setNationality(nationality)
                .setIntendsToReturn(intendsToReturn).setReportId(UUID.randomUUID()).setWhereabouts(Whereabouts.HIDING)
                .setPersonal(new EncryptedBlock("key-" + caseId, java.nio.ByteBuffer.wrap(new byte[12]),
                        java.nio.ByteBuffer.wrap(new byte[32]))).build());
    }

    public static CaseEvent compoundIdentified(String caseId, String compoundId) {
        return caseEvent(caseId, null, CaseCompoundIdentified.newBuilder().setCompoundId(compoundId).build());
    }

    public static CaseEvent repatriated(String caseId, LocalDate on) {
        return caseEvent(caseId, on, RepatriationCompleted.newBuilder().setRepatriatedOn(on).setDestinationCountry("TH")
                .setMode(RepatriationMode.EMBASSY_ORGANISED).build());
    }

    public static CaseEvent arrested(String caseId, LocalDate on, DetentionType type) {
        return caseEvent(caseId, on, ArrestReported.newBuilder().setArrestedOn(on).setCountry("TH").setDetentionType(type)
                .setRelatedToTrafficking(TraffickingRelation.UNKNOWN).build());
    }

    public static CaseEvent detentionEnded(String caseId, LocalDate on, DetentionOutcome outcome) {
        return caseEvent(caseId, on, DetentionEnded.newBuilder().setEndedOn(on).setOutcome(outcome).build());
    }

    public static CaseEvent closed(String caseId, LocalDate on) {
        return caseEvent(caseId, on, CaseClosed.newBuilder().setClosedOn(on).setReason(ClosureReason.LOST_CONTACT).build());
    }

    public static CaseEvent reopened(String caseId, LocalDate on) {
        return caseEvent(caseId, on, CaseReopened.newBuilder().setReopenedOn(on).build());
    }

    public static CaseEvent corrected(String caseId, String field, String value, String previous) {
        return caseEvent(caseId, null, CaseDetailsCorrected.newBuilder().setField(field).setValue(value).setPreviousValue(previous).build());
    }

    public static CaseEvent screened(String caseId) {
        return caseEvent(caseId, null, ScreeningRecorded.newBuilder().setTraffickingStatus(TraffickingStatus.ACTUAL)
                .setDecidedBy("test-org").build());
    }

    public static CaseEvent erased(String caseId, LocalDate on) {
        return caseEvent(caseId, on, PersonalDataErased.newBuilder().setErasedOn(on).build());
    }

    public static CompoundEvent discovered(String compoundId, String name, LocalDate on) {
        return CompoundEvent.newBuilder().setMetadata(metadata(compoundId, on)).setPayload(CompoundDiscovered.newBuilder()
                .setCompoundId(compoundId).setName(name).setCountry("KH").setDiscoveredOn(on).setReliability("B2").build()).build();
    }

    public static CompoundEvent operatorArrested(String compoundId, LocalDate on) {
        return CompoundEvent.newBuilder().setMetadata(metadata(compoundId, on)).setPayload(OperatorArrested.newBuilder()
                .setArrestedOn(on).setPublicSource("https://example.org/report").build()).build();
    }

    public static CompoundState registered(String compoundId, String name, LocalDate discoveredOn) {
        return CompoundState.newBuilder().setCompoundId(compoundId).setName(name).setCountry("KH").setProvince("Preah Sihanouk")
                .setLocality("Sihanoukville").setLatitude(10.63).setLongitude(103.52).setDiscoveredOn(discoveredOn)
                .setReliability("B2").setStatus(CompoundStatus.ACTIVE).setVersion(1).build();
    }

    public static CompoundState withHeadcount(CompoundState state, int min, int max, LocalDate on) {
        return CompoundState.newBuilder(state).setLatestHeadcount(HeadcountEstimate.newBuilder().setReportedOn(on).setMin(min)
                .setMax(max).build()).setVersion(state.getVersion() + 1).build();
    }

    public static CompoundState withOperatorArrest(CompoundState state, LocalDate on) {
        return CompoundState.newBuilder(state).setOperatorArrests(state.getOperatorArrests() + 1).setLastOperatorArrestOn(on)
                .setVersion(state.getVersion() + 1).build();
    }
}
