package org.casetrack.ledger.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/**
 * What a decision may know besides the aggregate's state: the wall clock, and which compounds the
 * registry holds. Passing them in keeps the deciders pure.
 */
public record DecisionContext(Instant now, Predicate<String> knownCompound) {
    /** The latest zone on earth: a world date after today there is in the future everywhere. */
    public static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

    /** From the fixed offset directly: {@code LocalDate.ofInstant} builds new zone rules for an offset on every call. */
    public LocalDate latestToday() {
        return LocalDate.ofEpochDay(Math.floorDiv(now.getEpochSecond() + LATEST_ZONE.getTotalSeconds(), 86_400L));
    }

    public boolean isKnownCompound(String compoundId) {
        return knownCompound.test(compoundId);
    }
}
