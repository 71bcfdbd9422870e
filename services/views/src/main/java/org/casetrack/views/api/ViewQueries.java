package org.casetrack.views.api;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.http.ProblemException;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.views.config.ViewsSettings;
import org.casetrack.views.domain.Counting;
import org.casetrack.views.domain.PublishedCounts;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;

/**
 * The answers of the views endpoints for one caller. Coordinators get exact counts. Monitors and
 * embassies get counts through one suppression plan over everything they could ask for (all compounds
 * and the whole timeline), so no combination of their answers gives a small count away, and no
 * breakdown finer than one dimension; an embassy's answers are computed over its own nationals only.
 */
@Singleton
class ViewQueries {
    private final ViewReader reader;
    private final CasetrackSettings casetrack;
    private final ViewsSettings settings;

    ViewQueries(ViewReader reader, CasetrackSettings casetrack, ViewsSettings settings) {
        this.reader = reader;
        this.casetrack = casetrack;
        this.settings = settings;
    }

    private LocalDate today() {
        return LocalDate.now(casetrack.zoneId());
    }

    private static String scope(Caller caller) {
        return caller.embassyCountry().orElse(null);
    }

    private PublishedCounts suppressed(Caller caller, List<CompoundSnapshot> compounds, String authorization) {
        List<DaySnapshot> allDays = reader.days(null, null, authorization);
        return PublishedCounts.suppressed(compounds, allDays, today(), scope(caller), settings.suppressionThreshold());
    }

    Map<String, Object> compounds(Caller caller, String authorization) {
        List<CompoundSnapshot> compounds = reader.compounds(authorization);
        PublishedCounts counts = caller.isCoordinator() ? PublishedCounts.exact(compounds, List.of(), today(), null)
                : suppressed(caller, compounds, authorization);
        return ViewResponses.compounds(compounds, counts);
    }

    Map<String, Object> victims(Caller caller, String compoundId, String authorization) {
        if (caller.isCoordinator()) {
            CompoundSnapshot compound = reader.compound(compoundId, authorization).orElseGet(() -> unknownOrMissing(compoundId));
            return ViewResponses.victims(compound, PublishedCounts.exact(List.of(compound), List.of(), today(), null), true);
        }
        List<CompoundSnapshot> compounds = reader.compounds(authorization);
        CompoundSnapshot compound = compounds.stream().filter(c -> c.compoundId().equals(compoundId)).findFirst()
                .orElseGet(() -> unknownOrMissing(compoundId));
        return ViewResponses.victims(compound, suppressed(caller, compounds, authorization), false);
    }

    private static CompoundSnapshot unknownOrMissing(String compoundId) {
        if (Counting.UNKNOWN_COMPOUND.equals(compoundId)) {
            return new CompoundSnapshot(compoundId, null, Map.of());
        }
        throw ProblemException.notFound("No compound " + compoundId);
    }

    Map<String, Object> unrepatriated(Caller caller, String authorization) {
        List<CompoundSnapshot> compounds = reader.compounds(authorization);
        PublishedCounts counts = caller.isCoordinator() ? PublishedCounts.exact(compounds, List.of(), today(), null)
                : suppressed(caller, compounds, authorization);
        return ViewResponses.unrepatriated(compounds, counts, today());
    }

    Map<String, Object> timeline(Caller caller, LocalDate from, LocalDate to, String authorization) {
        if (caller.isCoordinator()) {
            List<DaySnapshot> days = reader.days(from.toString(), to.toString(), authorization);
            return ViewResponses.timeline(from.toString(), to.toString(), days, PublishedCounts.exact(List.of(), days, today(), null));
        }
        List<CompoundSnapshot> compounds = reader.compounds(authorization);
        List<DaySnapshot> allDays = reader.days(null, null, authorization);
        PublishedCounts counts = PublishedCounts.suppressed(compounds, allDays, today(), scope(caller), settings.suppressionThreshold());
        return ViewResponses.timeline(from.toString(), to.toString(), allDays, counts);
    }
}
