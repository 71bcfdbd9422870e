package org.casetrack.feeds.webhooks;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.casetrack.feeds.domain.FeedItem;

/** The body of a webhook delivery, in the Standard Webhooks shape: the event type, when it was recorded, the feed record. */
@Serdeable
public record WebhookPayload(String type, Instant timestamp, FeedItem data) {
}
