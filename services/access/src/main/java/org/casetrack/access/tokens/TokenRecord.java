package org.casetrack.access.tokens;

import java.time.Instant;

/** A token as stored, without its secret or hash. */
public record TokenRecord(String name, String role, String organisation, String issuedBy, Instant issuedAt, Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
