package org.casetrack.feeds.store;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A delivery that failed every attempt; its subscription is suspended until a replay. */
@Serdeable
public record ParkedDelivery(long feedOffset, String webhookId, String eventType, int attempts, String lastError, Instant parkedAt) {
}
