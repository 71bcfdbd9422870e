package org.casetrack.casefiles.domain;

import java.time.LocalDate;
import java.util.List;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TravelDocumentKind;
import org.casetrack.avro.Whereabouts;

/**
 * Needs, referrals, assistance and travel documents. A need is a service the person was referred
 * to or received (ServiceType is also the needs category shown to embassies).
 *
 * @param needs distinct, in the order first seen
 */
public record Care(List<ServiceType> needs, List<Referral> referrals, List<Assistance> assistance, List<TravelDocument> documents) {

    public Care {
        needs = List.copyOf(needs);
        referrals = List.copyOf(referrals);
        assistance = List.copyOf(assistance);
        documents = List.copyOf(documents);
    }

    static Care none() {
        return new Care(List.of(), List.of(), List.of(), List.of());
    }

    Care withReferral(Referral referral) {
        return new Care(needing(referral.service()), append(referrals, referral), assistance, documents);
    }

    Care withAssistance(Assistance provided) {
        return new Care(needing(provided.type()), referrals, append(assistance, provided), documents);
    }

    Care withDocument(TravelDocument document) {
        return new Care(needs, referrals, assistance, append(documents, document));
    }

    private List<ServiceType> needing(ServiceType service) {
        return needs.contains(service) ? needs : append(needs, service);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new java.util.ArrayList<>(list);
        next.add(item);
        return next;
    }

    /** @param whereabouts where the referral moved the person, if it did */
    public record Referral(ServiceType service, String to, LocalDate referredOn, Whereabouts whereabouts) {
    }

    public record Assistance(ServiceType type, LocalDate providedOn, String provider) {
    }

    public record TravelDocument(TravelDocumentKind kind, LocalDate issuedOn, String issuedBy) {
    }
}
