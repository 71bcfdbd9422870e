package org.casetrack.casefiles.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.EscapeReported;
import org.casetrack.casefiles.support.CaseScript;
import org.junit.jupiter.api.Test;

/** Which cases an embassy may see, and what of them: the consent rules of API.md, without Kafka or a database. */
class EmbassyAccessTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 25);

    private static CaseFacts facts(Consumer<EscapeReported.Builder> person, ConsentRecorded.Builder... consents) {
        CaseScript script = CaseScript.of(CaseScript.OPAQUE).escaped("TH", LocalDate.of(2026, 1, 17), null, null, person);
        for (ConsentRecorded.Builder c : consents) {
            script.then(c.setRecordedOn(TODAY.minusDays(1)).build());
        }
        CaseFacts facts = null;
        for (CaseEvent e : script.events()) {
            facts = CaseFactsEvolver.apply(facts, e);
        }
        return facts;
    }

    private static ConsentRecorded.Builder consent(String recipient, DataCategory... categories) {
        return ConsentRecorded.newBuilder().setRecipient(recipient).setGiven(true).setDataCategories(List.of(categories));
    }

    @Test
    void anEmbassySeesItsConsentingNationalWithTheConsentedCategoriesOnly() {
        CaseFacts f = facts(p -> { }, consent("embassy:TH", DataCategory.IDENTITY, DataCategory.CASE_HISTORY));

        assertThat(EmbassyAccess.audience(f, "TH", TODAY)).hasValueSatisfying(a -> {
            assertThat(a.everything()).isFalse();
            assertThat(a.sees(DataCategory.IDENTITY)).isTrue();
            assertThat(a.sees(DataCategory.CONTACT)).isFalse();
            assertThat(a.seesHistory()).isTrue();
            assertThat(a.seesLegalSituation()).isFalse();
            assertThat(a.seesEvent("ArrestReported")).isFalse();
            assertThat(a.seesEvent("ReferralMade")).isTrue();
        });
    }

    @Test
    void anotherNationalityOrAnotherRecipientsConsentShowsNothing() {
        assertThat(EmbassyAccess.audience(facts(p -> { }, consent("embassy:TH", DataCategory.IDENTITY)), "VN", TODAY)).isEmpty();
        assertThat(EmbassyAccess.audience(facts(p -> { }, consent("embassy:VN", DataCategory.IDENTITY)), "TH", TODAY)).isEmpty();
        assertThat(EmbassyAccess.audience(facts(p -> { }), "TH", TODAY)).isEmpty();
    }

    @Test
    void aWithdrawnOrExpiredConsentShowsNothingAndOneExpiringTodayStillHolds() {
        assertThat(EmbassyAccess.audience(facts(p -> { }, consent("embassy:TH", DataCategory.IDENTITY),
                consent("embassy:TH").setGiven(false)), "TH", TODAY)).isEmpty();
        assertThat(EmbassyAccess.audience(facts(p -> { }, consent("embassy:TH").setExpiresOn(TODAY.minusDays(1))), "TH", TODAY)).isEmpty();
        assertThat(EmbassyAccess.audience(facts(p -> { }, consent("embassy:TH").setExpiresOn(TODAY)), "TH", TODAY)).isPresent();
    }

    @Test
    void aMinorShowsOnlyWithABestInterestsDecision() {
        assertThat(EmbassyAccess.audience(facts(p -> p.setMinor(true), consent("embassy:TH")), "TH", TODAY)).isEmpty();
        assertThat(EmbassyAccess.audience(facts(p -> p.setMinor(true), consent("embassy:TH").setBestInterestsDecision(true)),
                "TH", TODAY)).isPresent();
    }

    @Test
    void personsWhoDoNotIntendToReturnOrAreStatelessNeverShow() {
        assertThat(EmbassyAccess.audience(facts(p -> p.setIntendsToReturn(false), consent("embassy:TH")), "TH", TODAY)).isEmpty();
        assertThat(EmbassyAccess.audience(facts(p -> p.setStateless(true), consent("embassy:TH")), "TH", TODAY)).isEmpty();
    }
}
