package org.casetrack.feeds.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.DetentionEnded;
import org.casetrack.avro.FeedCaseState;
import org.casetrack.avro.FeedConsent;

/**
 * The consent rules: whether a case's events may reach an embassy now. A person's events go to the
 * embassy of their nationality only while their current consent names that embassy (given, not
 * withdrawn, not expired today), and never for persons who do not intend to return (fear return,
 * claim asylum), stateless persons, or minors without a recorded best-interests decision. Nothing
 * about an arrest or a detention goes to any embassy.
 */
public final class Sharing {
    public static final String EMBASSY_PREFIX = "embassy:";

    private Sharing() {
    }

    /** The recipient of an embassy's feed: {@code embassy:<ISO2>}. */
    public static String recipient(String iso2) {
        return EMBASSY_PREFIX + iso2;
    }

    /** The nationality whose feed this event goes to, given the case's state after the event; empty when none. */
    public static Optional<String> feedOf(FeedCaseState after, Object payload, LocalDate today) {
        if (payload instanceof ArrestReported || payload instanceof DetentionEnded || after == null) {
            return Optional.empty();
        }
        String nationality = after.getNationality();
        return mayReceive(after, nationality, today) ? Optional.of(nationality) : Optional.empty();
    }

    /**
     * Whether the embassy of {@code iso2} may receive this case's events today.
     *
     * @param today the wall-clock date in casetrack.zone; a consent expires at the start of its expiresOn
     */
    public static boolean mayReceive(FeedCaseState state, String iso2, LocalDate today) {
        if (state == null || !state.getOpened() || iso2 == null || !iso2.equals(state.getNationality())) {
            return false;
        }
        if (state.getStateless() || !state.getIntendsToReturn()) {
            return false;
        }
        Optional<FeedConsent> consent = currentConsent(state, iso2, today);
        return consent.isPresent() && (!state.getMinor() || consent.get().getBestInterestsDecision());
    }

    /** The consent to the embassy of {@code iso2} when it is given and not expired today. */
    public static Optional<FeedConsent> currentConsent(FeedCaseState state, String iso2, LocalDate today) {
        String recipient = recipient(iso2);
        return state.getConsents().stream()
                .filter(c -> c.getRecipient().equals(recipient))
                .filter(FeedConsent::getGiven)
                .filter(c -> c.getExpiresOn() == null || today.isBefore(c.getExpiresOn()))
                .findFirst();
    }

    /** The case file holds personal data that is not erased, and the consent names at least one data category. */
    public static boolean personalDataAvailable(FeedCaseState state, FeedConsent consent) {
        return state.getPersonalData() && !state.getErased() && !consent.getDataCategories().isEmpty();
    }
}
