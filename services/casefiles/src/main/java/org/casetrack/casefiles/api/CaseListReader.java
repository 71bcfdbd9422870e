package org.casetrack.casefiles.api;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.avro.DataCategory;
import org.casetrack.casefiles.domain.Audience;
import org.casetrack.casefiles.store.CaseFileStore;
import org.casetrack.casefiles.store.SearchCriteria;
import org.casetrack.casefiles.store.SearchPage;
import org.casetrack.casefiles.store.StoredEvent;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.schemas.crypto.Opened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists and searches case files for one caller. An embassy's restriction is part of the query, so
 * pages and totals never include a case it may not see; each hit is checked again in code. The
 * name of each case is decrypted only for callers who may see IDENTITY, and the disclosure log gets
 * one row per case returned (LIST without filters, SEARCH with) before the page is returned.
 */
@Singleton
public class CaseListReader {
    private static final Logger LOG = LoggerFactory.getLogger(CaseListReader.class);

    private final CaseFileStore store;
    private final CaseFileReader files;
    private final DisclosureLog disclosures;
    private final CasetrackSettings settings;

    public CaseListReader(CaseFileStore store, CaseFileReader files, DisclosureLog disclosures, CasetrackSettings settings) {
        this.store = store;
        this.files = files;
        this.disclosures = disclosures;
        this.settings = settings;
    }

    private record Visible(SearchPage.Hit hit, Audience audience) {
        String caseId() {
            return hit.facts().caseId();
        }

        boolean named() {
            return audience.sees(DataCategory.IDENTITY) && !hit.facts().erased();
        }
    }

    public CasePage search(SearchCriteria requested, Caller caller) {
        LocalDate today = LocalDate.now(settings.zoneId());
        SearchCriteria criteria = caller.embassyCountry()
                .map(country -> requested.restrictedTo(new SearchCriteria.EmbassyRestriction(country, today)))
                .orElse(requested);
        SearchPage page = store.search(criteria);
        List<Visible> visible = new ArrayList<>();
        for (SearchPage.Hit hit : page.hits()) {
            Optional<Audience> audience = CaseFileReader.audience(hit.facts(), caller, today);
            if (audience.isPresent()) {
                visible.add(new Visible(hit, audience.get()));
            } else {
                // the query and EmbassyAccess disagree: leave the case out rather than show it
                LOG.error("Search returned case {} that its caller may not see; left out", hit.facts().caseId());
            }
        }
        Map<String, List<StoredEvent>> personal = store.personalEvents(visible.stream().filter(Visible::named).map(Visible::caseId).toList());
        String action = requested.isUnfiltered() ? Disclosure.LIST : Disclosure.SEARCH;
        List<CasePage.Summary> summaries = new ArrayList<>();
        List<Disclosure> disclosed = new ArrayList<>();
        for (Visible v : visible) {
            Object fullName = fullName(v, personal.getOrDefault(v.caseId(), List.of()));
            summaries.add(CaseFileViews.summary(v.hit(), v.audience(), fullName));
            boolean withName = fullName != null && !PersonalView.ERASED.equals(fullName);
            if (caller.isEmbassy() || withName) {
                disclosed.add(new Disclosure(Instant.now(), caller.principal(), caller.organisation(), action, v.caseId(),
                        withName ? "case summary with name" : "case summary without personal data",
                        action.equals(Disclosure.LIST) ? "case list" : "case search"));
            }
        }
        disclosures.recordAll(disclosed);
        return new CasePage(criteria.page(), criteria.size(), page.total(), summaries);
    }

    /** The decrypted current name, "erased", or null when the caller may not see it or there is none. */
    private Object fullName(Visible v, List<StoredEvent> events) {
        if (v.hit().facts().erased()) {
            return v.audience().sees(DataCategory.IDENTITY) ? PersonalView.ERASED : null;
        }
        if (!v.named() || events.isEmpty()) {
            return null;
        }
        Opened current = CurrentPersonalData.of(events, files.opener(v.caseId(), false));
        if (current instanceof Opened.Erased) {
            return PersonalView.ERASED;
        }
        return current == null ? null : Optional.ofNullable(((Opened.Available) current).data().getFullName())
                .map(CharSequence::toString).orElse(null);
    }
}
