package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.Whereabouts;

/**
 * Lifecycle, screening decision and whereabouts: independent facts of one case.
 *
 * @param lifecycleBeforeClosing what a reopening restores
 */
public record Status(
        Lifecycle lifecycle,
        Lifecycle lifecycleBeforeClosing,
        LocalDate closedOn,
        ClosureReason closureReason,
        LocalDate reopenedOn,
        TraffickingStatus traffickingStatus,
        String traffickingStatusDecidedBy,
        LocalDate traffickingStatusDecidedOn,
        Whereabouts whereabouts) {

    static Status opened(Whereabouts whereabouts) {
        return new Status(Lifecycle.OPEN, null, null, null, null, TraffickingStatus.UNKNOWN, null, null, whereabouts);
    }

    Status withWhereabouts(Whereabouts next) {
        return new Status(lifecycle, lifecycleBeforeClosing, closedOn, closureReason, reopenedOn, traffickingStatus,
                traffickingStatusDecidedBy, traffickingStatusDecidedOn, next);
    }

    Status screened(TraffickingStatus status, String decidedBy, LocalDate decidedOn) {
        return new Status(lifecycle, lifecycleBeforeClosing, closedOn, closureReason, reopenedOn, status, decidedBy, decidedOn,
                whereabouts);
    }

    Status repatriated() {
        return new Status(Lifecycle.REPATRIATED, lifecycleBeforeClosing, closedOn, closureReason, reopenedOn, traffickingStatus,
                traffickingStatusDecidedBy, traffickingStatusDecidedOn, Whereabouts.RETURNED);
    }

    Status closed(ClosureReason reason, LocalDate on) {
        return new Status(Lifecycle.CLOSED, lifecycle, on, reason, reopenedOn, traffickingStatus, traffickingStatusDecidedBy,
                traffickingStatusDecidedOn, whereabouts);
    }

    Status reopened(LocalDate on) {
        Lifecycle restored = lifecycleBeforeClosing == null ? Lifecycle.OPEN : lifecycleBeforeClosing;
        return new Status(restored, null, closedOn, closureReason, on, traffickingStatus, traffickingStatusDecidedBy,
                traffickingStatusDecidedOn, whereabouts);
    }
}
