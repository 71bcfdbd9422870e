package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The current clear facts of one case, built only by applying its events in order
 * ({@link CaseFactsEvolver}). Nothing here is personal data: names, documents, contacts, locations,
 * health and free text stay in the encrypted blocks of the history.
 *
 * @param version the sequence of the last event applied
 */
public record CaseFacts(
        String caseId,
        long version,
        Person person,
        Status status,
        LegalSituation legal,
        Care care,
        List<Consent> consents,
        RepatriationPlan plannedRepatriation,
        Repatriation repatriation,
        boolean erased,
        LocalDate erasedOn) {

    public CaseFacts {
        consents = List.copyOf(consents);
    }

    CaseFacts withVersion(long next) {
        return new CaseFacts(caseId, next, person, status, legal, care, consents, plannedRepatriation, repatriation, erased, erasedOn);
    }

    CaseFacts withPerson(Person next) {
        return new CaseFacts(caseId, version, next, status, legal, care, consents, plannedRepatriation, repatriation, erased, erasedOn);
    }

    CaseFacts withStatus(Status next) {
        return new CaseFacts(caseId, version, person, next, legal, care, consents, plannedRepatriation, repatriation, erased, erasedOn);
    }

    CaseFacts withLegal(LegalSituation next) {
        return new CaseFacts(caseId, version, person, status, next, care, consents, plannedRepatriation, repatriation, erased, erasedOn);
    }

    CaseFacts withCare(Care next) {
        return new CaseFacts(caseId, version, person, status, legal, next, consents, plannedRepatriation, repatriation, erased, erasedOn);
    }

    CaseFacts withConsents(List<Consent> next) {
        return new CaseFacts(caseId, version, person, status, legal, care, next, plannedRepatriation, repatriation, erased, erasedOn);
    }

    CaseFacts withPlannedRepatriation(RepatriationPlan next) {
        return new CaseFacts(caseId, version, person, status, legal, care, consents, next, repatriation, erased, erasedOn);
    }

    CaseFacts withRepatriation(Repatriation next) {
        return new CaseFacts(caseId, version, person, status, legal, care, consents, plannedRepatriation, next, erased, erasedOn);
    }

    CaseFacts withErasure(LocalDate on) {
        return new CaseFacts(caseId, version, person, status, legal, care, consents, plannedRepatriation, repatriation, true, on);
    }

    /** The current consent towards this recipient (the latest ConsentRecorded naming it), if any. */
    public java.util.Optional<Consent> consentOf(String recipient) {
        return consents.stream().filter(c -> c.recipient().equals(recipient)).findFirst();
    }
}
