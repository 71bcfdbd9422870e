package org.casetrack.views.dashboard;

import io.micronaut.core.annotation.Nullable;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;

/**
 * Who a dashboard snapshot is for: everything it shows depends only on this, so callers of one
 * audience share a snapshot. Coordinators read exact counts; monitors and embassies read them
 * suppressed, an embassy over its own nationals only (as the views API answers them).
 *
 * @param role        coordinator, monitor or embassy
 * @param nationality the embassy's country; null for the others
 */
record Audience(String role, @Nullable String nationality) {

    static Audience of(Caller caller) {
        if (caller.isCoordinator()) {
            return new Audience(Roles.COORDINATOR, null);
        }
        if (caller.isEmbassy()) {
            return new Audience(Roles.EMBASSY, caller.embassyCountry().orElseThrow());
        }
        if (caller.isMonitor()) {
            return new Audience(Roles.MONITOR, null);
        }
        throw new IllegalArgumentException("The dashboard has no numbers for role " + caller.role());
    }

    boolean exact() {
        return Roles.COORDINATOR.equals(role);
    }
}
