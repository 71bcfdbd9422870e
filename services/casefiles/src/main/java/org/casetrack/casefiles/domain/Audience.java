package org.casetrack.casefiles.domain;

import java.util.EnumSet;
import java.util.Set;
import org.casetrack.avro.DataCategory;

/**
 * What one caller may see of one case: a coordinator everything; an embassy only the data
 * categories its current consent names, and never the legal situation (arrests, detentions).
 *
 * @param everything true for a coordinator
 */
public record Audience(boolean everything, Set<DataCategory> categories) {
    /** Event types an embassy never sees. */
    private static final Set<String> LEGAL_EVENTS = Set.of("ArrestReported", "DetentionEnded");

    public Audience {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    public static Audience coordinator() {
        return new Audience(true, EnumSet.allOf(DataCategory.class));
    }

    public static Audience embassy(Set<DataCategory> consented) {
        Set<DataCategory> known = consented.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(consented);
        known.remove(DataCategory.UNKNOWN);
        return new Audience(false, known);
    }

    public boolean sees(DataCategory category) {
        return everything || categories.contains(category);
    }

    public boolean seesHistory() {
        return sees(DataCategory.CASE_HISTORY);
    }

    public boolean seesLegalSituation() {
        return everything;
    }

    public boolean seesEvent(String eventType) {
        return everything || !LEGAL_EVENTS.contains(eventType);
    }
}
