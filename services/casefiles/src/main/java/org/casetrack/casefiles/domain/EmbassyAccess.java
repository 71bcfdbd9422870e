package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import org.casetrack.avro.DataCategory;

/**
 * Whether an embassy may see a case, and what of it (API.md, Case files): only its own nationals
 * whose current consent names {@code embassy:<ISO2>}, is given, not expired, not withdrawn and, for
 * a minor, backed by a best-interests decision. Persons who do not intend to return (they fear
 * return or claim asylum) or are stateless never show, whatever their consent says.
 */
public final class EmbassyAccess {
    private EmbassyAccess() {
    }

    public static String recipient(String country) {
        return "embassy:" + country;
    }

    /** The embassy's audience for this case, or empty when the case must not exist for it (404). */
    public static Optional<Audience> audience(CaseFacts facts, String country, LocalDate today) {
        Person person = facts.person();
        if (!country.equals(person.nationality()) || person.stateless() || !person.intendsToReturn()) {
            return Optional.empty();
        }
        return facts.consentOf(recipient(country))
                .filter(c -> c.holdsOn(today))
                .filter(c -> !person.minor() || c.bestInterestsDecision())
                .map(c -> Audience.embassy(new HashSet<DataCategory>(c.dataCategories())));
    }
}
