package org.casetrack.casefiles.api;

import io.micronaut.serde.annotation.SerdeImport;
import org.casetrack.casefiles.domain.Care;
import org.casetrack.casefiles.domain.Consent;
import org.casetrack.casefiles.domain.LegalSituation;
import org.casetrack.casefiles.domain.Repatriation;
import org.casetrack.casefiles.domain.RepatriationPlan;

/** The domain's fact records appear in responses as they are; the domain itself knows nothing of HTTP. */
@SerdeImport(LegalSituation.class)
@SerdeImport(LegalSituation.Arrest.class)
@SerdeImport(Care.class)
@SerdeImport(Care.Referral.class)
@SerdeImport(Care.Assistance.class)
@SerdeImport(Care.TravelDocument.class)
@SerdeImport(Consent.class)
@SerdeImport(Repatriation.class)
@SerdeImport(RepatriationPlan.class)
final class DomainSerdes {
    private DomainSerdes() {
    }
}
