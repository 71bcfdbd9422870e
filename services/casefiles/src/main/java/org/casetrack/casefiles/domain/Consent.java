package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import java.util.List;
import org.casetrack.avro.ConsentPurpose;
import org.casetrack.avro.DataCategory;

/** The current consent of the person towards one recipient: the latest ConsentRecorded naming it. */
public record Consent(String recipient, boolean given, List<ConsentPurpose> purposes, List<DataCategory> dataCategories,
                      LocalDate expiresOn, boolean bestInterestsDecision, LocalDate recordedOn) {

    public Consent {
        purposes = List.copyOf(purposes);
        dataCategories = List.copyOf(dataCategories);
    }

    /** Given, and not past its expiry day (a consent expiring on a day still holds on that day). */
    public boolean holdsOn(LocalDate today) {
        return given && (expiresOn == null || !today.isAfter(expiresOn));
    }
}
