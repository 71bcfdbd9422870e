package org.casetrack.intake.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.CloseCase;
import org.casetrack.avro.ConsentPurpose;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.DetentionOutcome;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.DocumentNumber;
import org.casetrack.avro.EndDetention;
import org.casetrack.avro.IssueTravelDocument;
import org.casetrack.avro.MakeReferral;
import org.casetrack.avro.PersonalData;
import org.casetrack.avro.RecordAssistance;
import org.casetrack.avro.RecordConsent;
import org.casetrack.avro.RecordRepatriation;
import org.casetrack.avro.RecordScreening;
import org.casetrack.avro.ReopenCase;
import org.casetrack.avro.ReportArrest;
import org.casetrack.avro.RepatriationMode;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TraffickingRelation;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.TravelDocumentKind;
import org.casetrack.avro.Whereabouts;
import org.casetrack.intake.domain.Draft;

/** The case requests of API.md's Reports section, read into draft command payloads. */
final class CaseInputs {
    private static final Pattern RECIPIENT = Pattern.compile("embassy:[A-Z]{2}|[\\p{L}\\p{N} .,&()'/-]{2,200}");

    private final ZoneId zone;

    CaseInputs(ZoneId zone) {
        this.zone = zone;
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    Draft repatriation(JsonInput in) {
        RecordRepatriation.Builder b = RecordRepatriation.newBuilder();
        JsonInput.set(in.requiredPastDate("repatriatedOn"), b::setRepatriatedOn);
        JsonInput.set(in.requiredCountry("destinationCountry", false), b::setDestinationCountry);
        JsonInput.set(in.optionalEnum("mode", RepatriationMode.class).orElse(RepatriationMode.UNKNOWN), b::setMode);
        in.optionalString("crossingPoint", 200).ifPresent(b::setCrossingPoint);
        in.rejectUnknownFields();
        return valid(in) ? Draft.clear(b.build()) : null;
    }

    Draft arrest(JsonInput in) {
        ReportArrest.Builder b = ReportArrest.newBuilder();
        JsonInput.set(in.requiredPastDate("arrestedOn"), b::setArrestedOn);
        JsonInput.set(in.requiredCountry("country", false), b::setCountry);
        JsonInput.set(in.requiredEnum("detentionType", DetentionType.class), b::setDetentionType);
        JsonInput.set(in.requiredEnum("relatedToTrafficking", TraffickingRelation.class), b::setRelatedToTrafficking);
        in.optionalString("arrestingAuthority", 200).ifPresent(b::setArrestingAuthority);
        PersonalData grounds = in.optionalString("grounds", PersonalDataInput.TEXT)
                .map(g -> PersonalData.newBuilder().setArrestGrounds(g).build()).orElse(null);
        in.rejectUnknownFields();
        return valid(in) ? new Draft(block -> b.setPersonal(block).build(), grounds) : null;
    }

    Draft detentionEnd(JsonInput in) {
        EndDetention.Builder b = EndDetention.newBuilder();
        JsonInput.set(in.requiredPastDate("endedOn"), b::setEndedOn);
        JsonInput.set(in.requiredEnum("outcome", DetentionOutcome.class), b::setOutcome);
        in.rejectUnknownFields();
        return valid(in) ? Draft.clear(b.build()) : null;
    }

    Draft consent(JsonInput in) {
        String recipient = in.requiredString("recipient", 200);
        if (recipient != null && !RECIPIENT.matcher(recipient).matches()) {
            in.invalid("recipient", "must be embassy:<ISO2 code> or an organisation's name");
        }
        boolean given = in.requiredBoolean("given");
        List<ConsentPurpose> purposes = in.enumList("purposes", ConsentPurpose.class);
        List<DataCategory> categories = in.enumList("dataCategories", DataCategory.class);
        RecordConsent.Builder b = RecordConsent.newBuilder();
        JsonInput.set(recipient, b::setRecipient);
        JsonInput.set(given, b::setGiven);
        JsonInput.set(purposes, b::setPurposes);
        JsonInput.set(categories, b::setDataCategories);
        JsonInput.set(in.optionalDate("expiresOn").orElse(null), b::setExpiresOn);
        JsonInput.set(in.optionalBoolean("bestInterestsDecision", false), b::setBestInterestsDecision);
        JsonInput.set(in.optionalPastDate("recordedOn").orElse(today()), b::setRecordedOn);
        if (given && purposes.isEmpty()) {
            in.invalid("purposes", "must name at least one purpose when consent is given");
        }
        if (b.getExpiresOn() != null && !b.getExpiresOn().isAfter(b.getRecordedOn())) {
            in.invalid("expiresOn", "must be after the day the consent is recorded");
        }
        PersonalData details = in.optionalString("details", PersonalDataInput.TEXT)
                .map(d -> PersonalData.newBuilder().setConsentDetails(d).build()).orElse(null);
        in.rejectUnknownFields();
        return valid(in) ? new Draft(block -> b.setPersonal(block).build(), details) : null;
    }

    Draft screening(JsonInput in) {
        RecordScreening.Builder b = RecordScreening.newBuilder();
        JsonInput.set(in.requiredEnum("traffickingStatus", TraffickingStatus.class), b::setTraffickingStatus);
        JsonInput.set(in.requiredString("decidedBy", 200), b::setDecidedBy);
        JsonInput.set(in.optionalPastDate("decidedOn").orElse(today()), b::setDecidedOn);
        PersonalData notes = notes(in);
        in.rejectUnknownFields();
        return valid(in) ? new Draft(block -> b.setPersonal(block).build(), notes) : null;
    }

    Draft referral(JsonInput in) {
        MakeReferral.Builder b = MakeReferral.newBuilder();
        JsonInput.set(in.requiredString("to", 200), b::setTo);
        JsonInput.set(in.requiredEnum("service", ServiceType.class), b::setService);
        JsonInput.set(in.requiredPastDate("referredOn"), b::setReferredOn);
        JsonInput.set(in.optionalEnum("whereabouts", Whereabouts.class).orElse(null), b::setWhereabouts);
        in.rejectUnknownFields();
        return valid(in) ? Draft.clear(b.build()) : null;
    }

    Draft assistance(JsonInput in) {
        RecordAssistance.Builder b = RecordAssistance.newBuilder();
        JsonInput.set(in.requiredEnum("type", ServiceType.class), b::setType);
        JsonInput.set(in.requiredPastDate("providedOn"), b::setProvidedOn);
        in.optionalString("provider", 200).ifPresent(b::setProvider);
        PersonalData notes = notes(in);
        in.rejectUnknownFields();
        return valid(in) ? new Draft(block -> b.setPersonal(block).build(), notes) : null;
    }

    Draft travelDocument(JsonInput in) {
        TravelDocumentKind kind = in.requiredEnum("kind", TravelDocumentKind.class);
        IssueTravelDocument.Builder b = IssueTravelDocument.newBuilder();
        JsonInput.set(in.requiredPastDate("issuedOn"), b::setIssuedOn);
        JsonInput.set(in.requiredString("issuedBy", 200), b::setIssuedBy);
        JsonInput.set(kind, b::setKind);
        PersonalData number = in.optionalString("documentNumber", 100)
                .map(n -> PersonalData.newBuilder().setDocuments(List.of(new DocumentNumber(String.valueOf(kind), n, null))).build())
                .orElse(null);
        in.rejectUnknownFields();
        return valid(in) ? new Draft(block -> b.setPersonal(block).build(), number) : null;
    }

    Draft close(JsonInput in) {
        CloseCase.Builder b = CloseCase.newBuilder();
        JsonInput.set(in.requiredEnum("reason", ClosureReason.class), b::setReason);
        JsonInput.set(in.optionalPastDate("closedOn").orElse(today()), b::setClosedOn);
        in.rejectUnknownFields();
        return valid(in) ? Draft.clear(b.build()) : null;
    }

    Draft reopen(JsonInput in) {
        String reason = in.requiredString("reason", PersonalDataInput.TEXT);
        ReopenCase.Builder b = ReopenCase.newBuilder().setReopenedOn(in.optionalPastDate("reopenedOn").orElse(today()));
        in.rejectUnknownFields();
        PersonalData notes = reason == null ? null : PersonalData.newBuilder().setReason(reason).build();
        return valid(in) ? new Draft(block -> b.setPersonal(block).build(), notes) : null;
    }

    private static PersonalData notes(JsonInput in) {
        return in.optionalString("notes", PersonalDataInput.TEXT).map(n -> PersonalData.newBuilder().setNotes(n).build()).orElse(null);
    }

    private static boolean valid(JsonInput in) {
        return in.problems().isEmpty();
    }
}
