package org.casetrack.ledger.topology;

/**
 * Whether the compound side of the ledger is up to date: every compound command written so far
 * decided, and the registry it wrote applied to the global store. A case command naming an unknown
 * compound is refused only after the grace has run while the compound side was up to date, so a
 * backlog of compound commands (a burst, a restart, a slow machine) never turns a compound that was
 * discovered first into UNKNOWN_COMPOUND.
 */
@FunctionalInterface
public interface CompoundProgress {
    /** Always up to date: for topology tests, where nothing lags. */
    CompoundProgress UP_TO_DATE = now -> Long.MIN_VALUE;

    /** Since when (wall-clock ms) the compound side has been continuously up to date; Long.MAX_VALUE while it is behind. */
    long upToDateSince(long now);
}
