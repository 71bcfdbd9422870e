package org.casetrack.feeds.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook subscription of one embassy, without its secret.
 *
 * @param embassy      the ISO 3166-1 alpha-2 code of the embassy (whose feed it receives)
 * @param createdBy    the principal whose token created it: deliveries are disclosed to this person
 * @param organisation that principal's organisation
 */
public record Subscription(UUID id, String embassy, String url, String agreement, String createdBy, String organisation,
                           Instant createdAt, Status status) {

    public enum Status { ACTIVE, SUSPENDED, DELETED }
}
