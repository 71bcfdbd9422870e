package org.casetrack.casefiles.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.ServiceType;

/**
 * Validated filters of a case search; every present filter must hold. {@code text} matches the clear,
 * non-personal search text of a case or its compound's name, case-insensitively.
 *
 * @param needs    every one of these must be among the case's needs
 * @param embassy  the restriction of an embassy caller, if the caller is one
 * @param page     from 0
 */
public record SearchCriteria(Optional<String> nationality, Optional<Lifecycle> lifecycle, Optional<String> compoundId,
                             Optional<LocalDate> escapedFrom, Optional<LocalDate> escapedTo, List<ServiceType> needs,
                             Optional<String> text, Optional<EmbassyRestriction> embassy, int page, int size) {

    public SearchCriteria {
        needs = List.copyOf(needs);
    }

    /** True when no filter narrows the list (an embassy's own restriction does not count): a list, not a search. */
    public boolean isUnfiltered() {
        return nationality.isEmpty() && lifecycle.isEmpty() && compoundId.isEmpty() && escapedFrom.isEmpty() && escapedTo.isEmpty()
                && needs.isEmpty() && text.isEmpty();
    }

    public SearchCriteria restrictedTo(EmbassyRestriction restriction) {
        return new SearchCriteria(nationality, lifecycle, compoundId, escapedFrom, escapedTo, needs, text, Optional.of(restriction),
                page, size);
    }

    /** An embassy sees only its consenting nationals; consents are judged on {@code today}. */
    public record EmbassyRestriction(String country, LocalDate today) {
    }
}
