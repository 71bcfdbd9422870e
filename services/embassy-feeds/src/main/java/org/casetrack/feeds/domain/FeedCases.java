package org.casetrack.feeds.domain;

import java.util.ArrayList;
import java.util.List;
import org.casetrack.avro.AssistanceProvided;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseCompoundIdentified;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.CaseReopened;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.avro.FeedConsent;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.TravelDocumentIssued;

/**
 * Folds a case's events into what the consent rules need: {@code (state, event) -> state}. Events
 * before the case's EscapeReported only advance the version: such a case is shared with nobody.
 */
public final class FeedCases {
    private FeedCases() {
    }

    public static FeedCaseState apply(FeedCaseState current, CaseEvent event) {
        FeedCaseState.Builder s = current == null ? FeedCaseState.newBuilder() : FeedCaseState.newBuilder(current);
        s.setVersion(s.getVersion() + 1);
        Object payload = event.getPayload();
        if (payload instanceof EscapeReported e) {
            s.setOpened(true).setNationality(e.getNationality()).setStateless(e.getStateless())
                    .setIntendsToReturn(e.getIntendsToReturn()).setMinor(e.getMinor()).setCompoundId(e.getCompoundId())
                    .setLifecycle(Lifecycle.OPEN).setLifecycleBeforeClosing(null);
        } else if (!s.getOpened()) {
            return s.build();
        } else if (payload instanceof CaseCompoundIdentified e) {
            s.setCompoundId(e.getCompoundId());
        } else if (payload instanceof ConsentRecorded e) {
            s.setConsents(withConsent(s.getConsents(), e));
        } else if (payload instanceof RepatriationCompleted) {
            s.setLifecycle(Lifecycle.REPATRIATED);
        } else if (payload instanceof CaseClosed) {
            if (s.getLifecycle() != Lifecycle.CLOSED) {
                s.setLifecycleBeforeClosing(s.getLifecycle());
            }
            s.setLifecycle(Lifecycle.CLOSED);
        } else if (payload instanceof CaseReopened) {
            if (s.getLifecycle() == Lifecycle.CLOSED) {
                s.setLifecycle(s.getLifecycleBeforeClosing() == null ? Lifecycle.OPEN : s.getLifecycleBeforeClosing());
                s.setLifecycleBeforeClosing(null);
            }
        } else if (payload instanceof CaseDetailsCorrected e) {
            corrected(s, e.getField(), e.getValue());
        } else if (payload instanceof PersonalDataErased) {
            s.setErased(true);
        }
        if (carriesPersonalData(payload)) {
            s.setPersonalData(true);
        }
        return s.build();
    }

    /**
     * Whether the event carries an encrypted block the case file can show. An arrest's block (its
     * grounds) does not count: nothing about an arrest ever goes to an embassy.
     */
    static boolean carriesPersonalData(Object payload) {
        if (payload instanceof EscapeReported e) {
            return e.getPersonal() != null;
        }
        if (payload instanceof ScreeningRecorded e) {
            return e.getPersonal() != null;
        }
        if (payload instanceof AssistanceProvided e) {
            return e.getPersonal() != null;
        }
        if (payload instanceof TravelDocumentIssued e) {
            return e.getPersonal() != null;
        }
        if (payload instanceof ConsentRecorded e) {
            return e.getPersonal() != null;
        }
        if (payload instanceof CaseDetailsCorrected e) {
            return e.getPersonal() != null;
        }
        if (payload instanceof CaseReopened e) {
            return e.getPersonal() != null;
        }
        return false;
    }

    /** Only the clear fields the consent rules read; the ledger has already checked the values. */
    private static void corrected(FeedCaseState.Builder s, String field, String value) {
        if (field == null || value == null) {
            return;
        }
        switch (field) {
            case "nationality" -> s.setNationality(value);
            case "intendsToReturn" -> s.setIntendsToReturn(Boolean.parseBoolean(value));
            case "stateless" -> s.setStateless(Boolean.parseBoolean(value));
            case "minor" -> s.setMinor(Boolean.parseBoolean(value));
            case "compoundId" -> s.setCompoundId(value.isBlank() ? null : value);
            default -> {
                // other corrections change nothing the feeds decide on
            }
        }
    }

    private static List<FeedConsent> withConsent(List<FeedConsent> consents, ConsentRecorded c) {
        List<FeedConsent> next = new ArrayList<>();
        consents.stream().filter(s -> !s.getRecipient().equals(c.getRecipient())).forEach(next::add);
        next.add(FeedConsent.newBuilder().setRecipient(c.getRecipient()).setGiven(c.getGiven())
                .setDataCategories(new ArrayList<>(c.getDataCategories())).setExpiresOn(c.getExpiresOn())
                .setBestInterestsDecision(c.getBestInterestsDecision()).build());
        return next;
    }
}
