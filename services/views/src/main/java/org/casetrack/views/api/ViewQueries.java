package org.casetrack.views.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.http.ProblemException;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.views.config.GenerationApp;
import org.casetrack.views.config.ViewsSettings;
import org.casetrack.views.domain.Counting;
import org.casetrack.views.domain.PublishedCounts;
import org.casetrack.views.domain.Snapshots;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.topology.LatestCompounds;
import org.casetrack.views.topology.LatestCompounds.Latest;

/**
 * The answers of the views endpoints for one caller. Coordinators get exact counts. Monitors and
 * embassies get counts through one suppression plan over everything they could ask for (all compounds
 * and the whole timeline), so no combination of their answers gives a small count away, and no
 * breakdown finer than one dimension; an embassy's answers are computed over its own nationals only.
 */
@Singleton
class ViewQueries {
    /**
     * What the answers of one audience are computed from: every compound, every day, the counts as they
     * read on {@code today}. The unrepatriated answer reads nothing else, so it is rendered once per plan,
     * to JSON, and every caller sharing the plan is sent the same bytes.
     */
    private static final class Plan {
        private final List<CompoundSnapshot> compounds;
        private final List<DaySnapshot> allDays;
        private final PublishedCounts counts;
        private final LocalDate today;
        private volatile byte[] unrepatriated;

        Plan(List<CompoundSnapshot> compounds, List<DaySnapshot> allDays, PublishedCounts counts, LocalDate today) {
            this.compounds = compounds;
            this.allDays = allDays;
            this.counts = counts;
            this.today = today;
        }

        List<CompoundSnapshot> compounds() {
            return compounds;
        }

        List<DaySnapshot> allDays() {
            return allDays;
        }

        PublishedCounts counts() {
            return counts;
        }

        /** Rendered at most a few times (by callers arriving together), always to the same bytes. */
        byte[] unrepatriated(JsonMapper json) {
            byte[] body = unrepatriated;
            if (body == null) {
                try {
                    body = json.writeValueAsBytes(ViewResponses.unrepatriated(compounds, counts, today));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot render the unrepatriated answer", e);
                }
                unrepatriated = body;
            }
            return body;
        }
    }

    /** A coordinator's victims answer as rendered, with the epoch and the values it was rendered from. */
    private record Rendered(long epoch, Latest<CompoundCounts> counts, Latest<CompoundState> registry, byte[] json) {
    }

    private final ViewReader reader;
    private final ConcurrentHashMap<String, Rendered> exact = new ConcurrentHashMap<>();
    private final CasetrackSettings casetrack;
    private final ViewsSettings settings;
    private final RecentAnswers<Plan> plans;
    private final JsonMapper json;

    ViewQueries(ViewReader reader, CasetrackSettings casetrack, ViewsSettings settings, JsonMapper json) {
        this.reader = reader;
        this.casetrack = casetrack;
        this.settings = settings;
        this.json = json;
        this.plans = new RecentAnswers<>(settings.answerMaxAge());
    }

    private LocalDate today() {
        return LocalDate.now(casetrack.zoneId());
    }

    private static String scope(Caller caller) {
        return caller.embassyCountry().orElse(null);
    }

    /**
     * The counts over every compound as the caller's audience reads them: exact for coordinators, one
     * suppression plan for monitors, one per embassy. Shared within the audience for views.answer-max-age.
     */
    private Plan plan(Caller caller, String authorization) {
        return plans.get(audience(caller), planning(caller, authorization));
    }

    /** The audience's plan if it is shared now and young enough to serve without waiting, else null. */
    private Plan planReady(Caller caller, String authorization) {
        return plans.ready(audience(caller), planning(caller, authorization));
    }

    private static String audience(Caller caller) {
        if (caller.isCoordinator()) {
            return "coordinator";
        }
        String scope = scope(caller);
        return scope == null ? "monitor" : "embassy:" + scope;
    }

    private Supplier<Plan> planning(Caller caller, String authorization) {
        if (caller.isCoordinator()) {
            return () -> {
                List<CompoundSnapshot> compounds = reader.compounds(authorization);
                LocalDate today = today();
                return new Plan(compounds, List.of(), PublishedCounts.exact(compounds, List.of(), today, null), today);
            };
        }
        String scope = scope(caller);
        return () -> {
            List<CompoundSnapshot> compounds = reader.compounds(authorization);
            List<DaySnapshot> allDays = reader.days(null, null, authorization);
            LocalDate today = today();
            return new Plan(compounds, allDays,
                    PublishedCounts.suppressed(compounds, allDays, today, scope, settings.suppressionThreshold()), today);
        };
    }

    Map<String, Object> compounds(Caller caller, String authorization) {
        Plan plan = plan(caller, authorization);
        return ViewResponses.compounds(plan.compounds(), plan.counts());
    }

    /** The victims answer as JSON, computed whatever it needs (another instance's stores, the shared plan). */
    byte[] victims(Caller caller, String compoundId, String authorization) {
        if (caller.isCoordinator()) {
            CompoundSnapshot compound = reader.compound(compoundId, authorization).orElseGet(() -> unknownOrMissing(compoundId));
            return json(ViewResponses.exactVictims(compound));
        }
        return json(victims(plan(caller, authorization), compoundId));
    }

    /**
     * The victims answer as JSON when it needs no waiting: a coordinator's compound whose partition is on
     * this instance, or the caller's shared plan while it is young enough; null when the answer needs
     * another instance or a plan computed first ({@link #victims} then gives it). A coordinator's answer is
     * rendered once per change of the compound's counts or registry state (see {@link LatestCompounds}).
     */
    byte[] victimsReady(Caller caller, String compoundId, String authorization) {
        if (caller.isCoordinator()) {
            GenerationApp g = reader.generation();
            LatestCompounds latest = g.latest();
            long epoch = latest.epoch();
            Rendered rendered = exact.get(compoundId);
            if (rendered != null && rendered.epoch() == epoch && g.isRunning() && rendered.counts() == latest.counts(compoundId, epoch)
                    && rendered.registry() == latest.registry(compoundId, epoch)) {
                return rendered.json();
            }
            ViewReader.Here here = reader.here(g, epoch, compoundId);
            if (here == null) {
                return null;
            }
            CompoundCounts counts = here.counts().value();
            CompoundState state = here.registry().value();
            CompoundSnapshot compound = counts == null && state == null ? unknownOrMissing(compoundId) : Snapshots.compound(compoundId, state, counts);
            byte[] body = json(ViewResponses.exactVictims(compound));
            exact.put(compoundId, new Rendered(epoch, here.counts(), here.registry(), body));
            return body;
        }
        Plan plan = planReady(caller, authorization);
        return plan == null ? null : json(victims(plan, compoundId));
    }

    private byte[] json(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render an answer", e);
        }
    }

    private static Map<String, Object> victims(Plan plan, String compoundId) {
        CompoundSnapshot compound = plan.compounds().stream().filter(c -> c.compoundId().equals(compoundId)).findFirst()
                .orElseGet(() -> unknownOrMissing(compoundId));
        return ViewResponses.victims(compound, plan.counts(), false);
    }

    private static CompoundSnapshot unknownOrMissing(String compoundId) {
        if (Counting.UNKNOWN_COMPOUND.equals(compoundId)) {
            return new CompoundSnapshot(compoundId, null, Map.of());
        }
        throw ProblemException.notFound("No compound " + compoundId);
    }

    /** The unrepatriated answer as JSON: the same bytes for every caller sharing a plan. */
    byte[] unrepatriated(Caller caller, String authorization) {
        return plan(caller, authorization).unrepatriated(json);
    }

    /** As {@link #unrepatriated} while the caller's shared plan is young enough to serve without waiting; else null. */
    byte[] unrepatriatedReady(Caller caller, String authorization) {
        Plan plan = planReady(caller, authorization);
        return plan == null ? null : plan.unrepatriated(json);
    }

    Map<String, Object> timeline(Caller caller, LocalDate from, LocalDate to, String authorization) {
        if (caller.isCoordinator()) {
            List<DaySnapshot> days = reader.days(from.toString(), to.toString(), authorization);
            return ViewResponses.timeline(from.toString(), to.toString(), days, PublishedCounts.exact(List.of(), days, today(), null));
        }
        Plan plan = plan(caller, authorization);
        return ViewResponses.timeline(from.toString(), to.toString(), plan.allDays(), plan.counts());
    }
}
