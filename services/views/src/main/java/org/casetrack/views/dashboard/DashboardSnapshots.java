package org.casetrack.views.dashboard;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.views.api.ViewReader;
import org.casetrack.views.config.ViewsSettings;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;

/**
 * The dashboard's numbers for an audience, read from the views' stores through {@link ViewReader}
 * (this instance's partitions locally, the others' from their owners) and written as JSON. A
 * snapshot is reused for half a check interval, so many open dashboards of one audience cost one
 * read per tick, not one each.
 */
@Singleton
@Requires(property = "views.enabled", notEquals = "false")
class DashboardSnapshots {
    private final ViewReader reader;
    private final CasetrackSettings casetrack;
    private final ViewsSettings views;
    private final DashboardSettings settings;
    private final JsonMapper json;
    private final long maxAgeNanos;
    private final Map<Audience, Computed> recent = new ConcurrentHashMap<>();
    private final Map<Audience, Object> locks = new ConcurrentHashMap<>();

    private record Computed(String json, long at) {
    }

    DashboardSnapshots(ViewReader reader, CasetrackSettings casetrack, ViewsSettings views, DashboardSettings settings, JsonMapper json) {
        this.reader = reader;
        this.casetrack = casetrack;
        this.views = views;
        this.settings = settings;
        this.json = json;
        this.maxAgeNanos = settings.checkInterval().toNanos() / 2;
    }

    /**
     * The snapshot as JSON.
     *
     * @param authorization the caller's Authorization header, forwarded when another instance holds part of the stores
     * @throws org.casetrack.access.http.ProblemException 503 while the views are not queryable
     */
    String current(Audience audience, String authorization) {
        Computed fresh = fresh(audience);
        if (fresh != null) {
            return fresh.json();
        }
        synchronized (locks.computeIfAbsent(audience, a -> new Object())) {
            fresh = fresh(audience);
            if (fresh == null) {
                fresh = new Computed(compute(audience, authorization), System.nanoTime());
                recent.put(audience, fresh);
            }
            return fresh.json();
        }
    }

    private Computed fresh(Audience audience) {
        Computed c = recent.get(audience);
        return c != null && System.nanoTime() - c.at() < maxAgeNanos ? c : null;
    }

    private String compute(Audience audience, String authorization) {
        List<CompoundSnapshot> compounds = reader.compounds(authorization);
        List<DaySnapshot> days = reader.days(null, null, authorization);
        LocalDate today = LocalDate.now(casetrack.zoneId());
        Map<String, Object> body = SnapshotBody.build(audience, compounds, days, today, settings.timelineDays(), views.suppressionThreshold());
        try {
            return new String(json.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a dashboard snapshot as JSON", e);
        }
    }
}
