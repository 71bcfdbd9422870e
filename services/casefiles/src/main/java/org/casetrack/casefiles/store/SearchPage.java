package org.casetrack.casefiles.store;

import java.util.List;
import org.casetrack.casefiles.domain.CaseFacts;

/** One page of a search, in the stable order (escape date, then case id), and how many cases match in all. */
public record SearchPage(long total, List<Hit> hits) {
    public SearchPage {
        hits = List.copyOf(hits);
    }

    /** @param compoundName null when the compound is unknown or not projected yet */
    public record Hit(CaseFacts facts, String compoundName) {
    }
}
