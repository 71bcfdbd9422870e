package org.casetrack.feeds.topology;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.casetrack.feeds.domain.Sharing;
import org.casetrack.platform.config.CasetrackSettings;

/**
 * The consent rules checked again at delivery: a feed record goes out over SSE or a webhook only if
 * the case's current state still lets its embassy receive it today. So a withdrawal, an expiry or a
 * correction also keeps back records written before it that a client has not received yet (what was
 * delivered cannot be recalled).
 */
@Singleton
public class DeliveryGate {
    public enum Verdict { DELIVER, WITHHOLD, UNAVAILABLE }

    private final CaseStates states;
    private final Clock clock;

    @Inject
    public DeliveryGate(CaseStates states, CasetrackSettings settings) {
        this(states, Clock.system(settings.zoneId()));
    }

    public DeliveryGate(CaseStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    public Verdict check(String iso2, String caseId) {
        if (caseId == null) {
            return Verdict.WITHHOLD;
        }
        try {
            return states.find(caseId).filter(s -> Sharing.mayReceive(s, iso2, LocalDate.now(clock))).isPresent()
                    ? Verdict.DELIVER : Verdict.WITHHOLD;
        } catch (CaseStates.Unavailable e) {
            return Verdict.UNAVAILABLE;
        }
    }
}
