package org.casetrack.feeds.domain;

import java.time.LocalDate;
import org.apache.avro.specific.SpecificRecord;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.EventMetadata;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.avro.FeedConsent;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationScheduled;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TravelDocumentIssued;

/**
 * Minimises a case event into the feed record: ids, the event type, dates, the compound, the needs
 * category, the lifecycle and whether personal data can be fetched. Nothing else of the event is
 * copied (no encrypted block, no organisation or principal, no destination, no free text).
 */
public final class FeedEntries {
    private FeedEntries() {
    }

    public static FeedEntry of(CaseEvent event, FeedCaseState after, FeedConsent consent) {
        EventMetadata m = event.getMetadata();
        Object payload = event.getPayload();
        return FeedEntry.newBuilder()
                .setCaseId(m.getAggregateId())
                .setEventId(m.getEventId())
                .setSequence(m.getSequence())
                .setEventType(eventType(payload))
                .setNationality(after.getNationality())
                .setOccurredOn(m.getOccurredOn())
                .setEventDate(eventDate(payload))
                .setRecordedAt(m.getRecordedAt())
                .setCompoundId(after.getCompoundId())
                .setNeedsCategory(needsCategory(payload))
                .setLifecycle(after.getLifecycle())
                .setPersonalDataAvailable(Sharing.personalDataAvailable(after, consent))
                .build();
    }

    /** The payload's record name: EscapeReported, RepatriationScheduled, ... */
    public static String eventType(Object payload) {
        return ((SpecificRecord) payload).getSchema().getName();
    }

    static ServiceType needsCategory(Object payload) {
        if (payload instanceof ReferralMade r) {
            return r.getService();
        }
        if (payload instanceof AssistanceProvided a) {
            return a.getType();
        }
        return null;
    }

    static LocalDate eventDate(Object payload) {
        if (payload instanceof EscapeReported e) {
            return e.getEscapedOn();
        } else if (payload instanceof ScreeningRecorded e) {
            return e.getDecidedOn();
        } else if (payload instanceof ReferralMade e) {
            return e.getReferredOn();
        } else if (payload instanceof AssistanceProvided e) {
            return e.getProvidedOn();
        } else if (payload instanceof TravelDocumentIssued e) {
            return e.getIssuedOn();
        } else if (payload instanceof ConsentRecorded e) {
            return e.getRecordedOn();
        } else if (payload instanceof RepatriationScheduled e) {
            return e.getPlannedOn();
        } else if (payload instanceof RepatriationCompleted e) {
            return e.getRepatriatedOn();
        } else if (payload instanceof CaseClosed e) {
            return e.getClosedOn();
        } else if (payload instanceof CaseReopened e) {
            return e.getReopenedOn();
        } else if (payload instanceof PersonalDataErased e) {
            return e.getErasedOn();
        }
        return null;
    }
}
