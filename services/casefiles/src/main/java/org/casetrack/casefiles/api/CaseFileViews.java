package org.casetrack.casefiles.api;

import java.util.List;
import org.casetrack.avro.Whereabouts;
import org.casetrack.casefiles.api.CaseFileResponse.CompoundRef;
import org.casetrack.casefiles.api.CaseFileResponse.HistoryEntry;
import org.casetrack.casefiles.api.CaseFileResponse.Screening;
import org.casetrack.casefiles.domain.Audience;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.CompoundFacts;
import org.casetrack.casefiles.domain.Person;
import org.casetrack.casefiles.domain.Status;
import org.casetrack.casefiles.store.SearchPage;

/**
 * Facts as an audience sees them. An embassy gets no legal situation, a whereabouts of UNKNOWN
 * instead of a detention (arrests and detentions never show to an embassy), and only its own consent.
 */
final class CaseFileViews {
    private CaseFileViews() {
    }

    static CaseFileResponse file(CaseFacts f, CompoundFacts compound, Audience audience, Object personalData, List<HistoryEntry> history) {
        Person p = f.person();
        Status s = f.status();
        return new CaseFileResponse(f.caseId(), f.version(), p.nationality(), p.citizenshipBasis().name(), p.stateless(),
                p.gender().name(), p.ageBand().name(), p.minor(), p.unaccompanied(), p.intendsToReturn(), p.circumstance().name(),
                p.escapedOn(), p.reportId(), p.groupSize(),
                new CompoundRef(p.compoundId(), p.compoundUnknown(), compound == null ? null : compound.name(),
                        compound == null ? null : compound.country(), compound == null ? null : compound.status().name()),
                s.lifecycle().name(), s.closedOn(), s.closureReason() == null ? null : s.closureReason().name(), s.reopenedOn(),
                new Screening(s.traffickingStatus().name(), s.traffickingStatusDecidedBy(), s.traffickingStatusDecidedOn()),
                whereabouts(s.whereabouts(), audience).name(),
                audience.seesLegalSituation() ? f.legal() : null,
                f.care(),
                audience.everything() ? f.consents() : f.consents().stream().filter(c -> audienceConsent(c.recipient(), f)).toList(),
                f.plannedRepatriation(), f.repatriation(), f.erased(), f.erasedOn(), personalData, history);
    }

    static CasePage.Summary summary(SearchPage.Hit hit, Audience audience, Object fullName) {
        CaseFacts f = hit.facts();
        return new CasePage.Summary(f.caseId(), f.person().nationality(), f.person().gender().name(), f.person().ageBand().name(),
                f.person().minor(), f.status().lifecycle().name(), whereabouts(f.status().whereabouts(), audience).name(),
                f.status().traffickingStatus().name(), f.person().compoundId(), hit.compoundName(), f.person().escapedOn(),
                f.care().needs().stream().map(Enum::name).toList(), f.erased(), fullName);
    }

    private static Whereabouts whereabouts(Whereabouts whereabouts, Audience audience) {
        boolean detention = whereabouts == Whereabouts.CRIMINAL_DETENTION || whereabouts == Whereabouts.IMMIGRATION_DETENTION;
        return detention && !audience.seesLegalSituation() ? Whereabouts.UNKNOWN : whereabouts;
    }

    /** An embassy sees the consent that names it, and no other recipient's. */
    private static boolean audienceConsent(String recipient, CaseFacts f) {
        return recipient.equals("embassy:" + f.person().nationality());
    }
}
