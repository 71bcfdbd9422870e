package org.casetrack.feeds.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import org.casetrack.avro.FeedEntry;

/**
 * A feed record as JSON (the SSE {@code data:} and the webhook payload's {@code data}), with its
 * position in the feed. Exactly the fields of {@link FeedEntry}: never personal data.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FeedItem(long offset, String caseId, String eventId, long sequence, String eventType, String nationality,
                       @Nullable LocalDate occurredOn, @Nullable LocalDate eventDate, Instant recordedAt,
                       @Nullable String compoundId, @Nullable String needsCategory, String lifecycle,
                       boolean personalDataAvailable) {

    public static FeedItem of(long offset, FeedEntry e) {
        return new FeedItem(offset, e.getCaseId(), e.getEventId().toString(), e.getSequence(), e.getEventType(),
                e.getNationality(), e.getOccurredOn(), e.getEventDate(), e.getRecordedAt(), e.getCompoundId(),
                e.getNeedsCategory() == null ? null : e.getNeedsCategory().name(), e.getLifecycle().name(),
                e.getPersonalDataAvailable());
    }
}
