package org.casetrack.casefiles.api;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.access.http.ProblemException;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.casefiles.api.CaseFileResponse.HistoryEntry;
import org.casetrack.casefiles.api.CaseFileResponse.ReportedBy;
import org.casetrack.casefiles.domain.Audience;
import org.casetrack.casefiles.domain.CaseFacts;
import org.casetrack.casefiles.domain.EmbassyAccess;
import org.casetrack.casefiles.store.CaseFileStore;
import org.casetrack.casefiles.store.StoredCase;
import org.casetrack.casefiles.store.StoredEvent;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.schemas.crypto.Opened;
import org.casetrack.schemas.crypto.PersonalDataCipher;

/**
 * Reads one case file for one caller: decides what the caller may see (404 when nothing), decrypts
 * only that, and writes the disclosure log before anything is returned.
 */
@Singleton
public class CaseFileReader {
    private final CaseFileStore store;
    private final PersonalDataCipher cipher;
    private final DataKeyStore keys;
    private final DisclosureLog disclosures;
    private final CasetrackSettings settings;

    public CaseFileReader(CaseFileStore store, PersonalDataCipher cipher, DataKeyStore keys, DisclosureLog disclosures,
                          CasetrackSettings settings) {
        this.store = store;
        this.cipher = cipher;
        this.keys = keys;
        this.disclosures = disclosures;
        this.settings = settings;
    }

    public CaseFileResponse read(String caseId, Caller caller) {
        StoredCase stored = store.find(caseId).orElseThrow(CaseFileReader::notFound);
        Audience audience = audience(stored.facts(), caller, LocalDate.now(settings.zoneId())).orElseThrow(CaseFileReader::notFound);
        Function<StoredEvent, Opened> open = opener(caseId, stored.facts().erased());
        Disclosed disclosed = new Disclosed();
        Object personalData = stored.facts().erased() ? PersonalView.ERASED
                : view(CurrentPersonalData.of(stored.history(), open), audience, disclosed);
        List<HistoryEntry> history = audience.seesHistory() ? history(stored.history(), audience, open, disclosed) : null;
        if (caller.isEmbassy() || disclosed.any) {
            disclosures.record(new Disclosure(Instant.now(), caller.principal(), caller.organisation(), Disclosure.READ, caseId,
                    what(audience), "case file read"));
        }
        return CaseFileViews.file(stored.facts(), stored.compound(), audience, personalData, history);
    }

    /** Opens each block once; after a PersonalDataErased every block reads as erased, without asking the key store. */
    Function<StoredEvent, Opened> opener(String caseId, boolean erased) {
        if (erased) {
            return e -> new Opened.Erased(e.block().getKeyId());
        }
        Map<UUID, Opened> opened = new HashMap<>();
        return e -> opened.computeIfAbsent(e.eventId(), id -> cipher.open(e.block(), caseId, keys));
    }

    /** Everything for a coordinator; an embassy's consented categories, or nothing (404) when the case is not theirs to see. */
    static Optional<Audience> audience(CaseFacts facts, Caller caller, LocalDate today) {
        if (caller.isCoordinator()) {
            return Optional.of(Audience.coordinator());
        }
        return caller.embassyCountry().flatMap(country -> EmbassyAccess.audience(facts, country, today));
    }

    /** What a disclosure row names as disclosed: categories, never values. */
    static String what(Audience audience) {
        if (audience.everything()) {
            return "case file with personal data and history";
        }
        return audience.categories().isEmpty() ? "case facts without personal data"
                : "case facts and " + audience.categories().stream().map(Enum::name).sorted().toList();
    }

    private List<HistoryEntry> history(List<StoredEvent> events, Audience audience, Function<StoredEvent, Opened> open, Disclosed disclosed) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (StoredEvent e : events) {
            if (!audience.seesEvent(e.type())) {
                continue;
            }
            Object personal = e.block() == null ? null : view(open.apply(e), audience, disclosed);
            entries.add(new HistoryEntry(e.eventId(), e.sequence(), e.type(), e.occurredOn(), e.occurredAt(), e.recordedAt(),
                    new ReportedBy(audience.everything() ? e.principal() : null, e.organisation()), e.details(), personal));
        }
        return entries;
    }

    /** The visible part of opened data, "erased", or null when there is nothing to show. */
    static Object view(Opened opened, Audience audience, Disclosed disclosed) {
        if (opened == null) {
            return null;
        }
        if (opened instanceof Opened.Erased) {
            return PersonalView.ERASED;
        }
        Optional<PersonalView> view = PersonalView.of(((Opened.Available) opened).data(), audience);
        view.ifPresent(v -> disclosed.any = true);
        return view.orElse(null);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("There is no case with this id that this caller may see");
    }

    /** Whether any decrypted personal data went into the response. */
    static final class Disclosed {
        boolean any;
    }
}
