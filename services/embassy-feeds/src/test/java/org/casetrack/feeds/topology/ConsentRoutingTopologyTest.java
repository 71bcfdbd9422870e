package org.casetrack.feeds.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.feeds.topology.FeedHarness.types;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.ServiceType;
import org.casetrack.feeds.support.CaseEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing by nationality and the life of a consent: given, withdrawn, expired, naming another recipient. */
class ConsentRoutingTopologyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 1);

    private final CaseEvents events = new CaseEvents();
    private FeedHarness feeds;

    @BeforeEach
    void start() throws Exception {
        feeds = new FeedHarness();
    }

    @AfterEach
    void stop() {
        feeds.close();
    }

    @Test
    void routesEachConsentingCaseToTheFeedOfItsNationalityOnly() {
        String thai = CaseEvents.newCaseId();
        String vietnamese = CaseEvents.newCaseId();
        String lao = CaseEvents.newCaseId();
        feeds.pipe(events.escape(thai, "TH"), events.consent(thai, "embassy:TH", true, null),
                events.escape(vietnamese, "VN"), events.consent(vietnamese, "embassy:VN", true, null),
                events.escape(lao, "LA"), events.consent(lao, "embassy:LA", true, null), events.referral(lao, ServiceType.SHELTER),
                events.referral(thai, ServiceType.MEDICAL), events.referral(vietnamese, ServiceType.LEGAL));

        List<KeyValue<String, FeedEntry>> th = feeds.th.readKeyValuesToList();
        List<KeyValue<String, FeedEntry>> vn = feeds.vn.readKeyValuesToList();
        assertThat(th).extracting(kv -> kv.key).containsOnly(thai);
        assertThat(types(th)).containsExactly("ConsentRecorded", "ReferralMade");
        assertThat(th).allSatisfy(kv -> assertThat(kv.value.getNationality()).isEqualTo("TH"));
        assertThat(vn).extracting(kv -> kv.key).containsOnly(vietnamese);
        assertThat(types(vn)).containsExactly("ConsentRecorded", "ReferralMade");
        // LA has no feed topic here: its consented events go nowhere
        assertThat(feeds.outputTopics()).filteredOn(t -> !t.endsWith("-changelog"))
                .containsOnly(feeds.topics.embassyFeedName("TH"), feeds.topics.embassyFeedName("VN"));
    }

    @Test
    void sharesNothingBeforeConsentAndEverythingAfterIt() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.referral(caseId, ServiceType.SHELTER));
        assertThat(feeds.th.isEmpty()).isTrue();

        feeds.pipe(events.consent(caseId, "embassy:TH", true, null), events.assistance(caseId, ServiceType.MEDICAL),
                events.scheduled(caseId), events.repatriated(caseId));

        List<KeyValue<String, FeedEntry>> th = feeds.th.readKeyValuesToList();
        assertThat(types(th)).containsExactly("ConsentRecorded", "AssistanceProvided", "RepatriationScheduled", "RepatriationCompleted");
        assertThat(th).extracting(kv -> kv.value.getSequence()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void withdrawnConsentStopsTheFlowFromTheWithdrawalOn() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, null), events.referral(caseId, ServiceType.SHELTER));
        assertThat(types(feeds.th.readKeyValuesToList())).containsExactly("ConsentRecorded", "ReferralMade");

        feeds.pipe(events.consent(caseId, "embassy:TH", false, null), events.referral(caseId, ServiceType.MEDICAL), events.scheduled(caseId));

        assertThat(feeds.th.isEmpty()).isTrue();
        assertThat(feeds.store().get(caseId).getConsents()).singleElement().satisfies(c -> assertThat(c.getGiven()).isFalse());
    }

    @Test
    void consentGivenAgainAfterAWithdrawalResumesTheFlow() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, null),
                events.consent(caseId, "embassy:TH", false, null), events.referral(caseId, ServiceType.SHELTER),
                events.consent(caseId, "embassy:TH", true, null), events.referral(caseId, ServiceType.MEDICAL));

        List<KeyValue<String, FeedEntry>> th = feeds.th.readKeyValuesToList();
        assertThat(types(th)).containsExactly("ConsentRecorded", "ConsentRecorded", "ReferralMade");
        assertThat(th.get(2).value.getNeedsCategory()).isEqualTo(ServiceType.MEDICAL);
    }

    @Test
    void expiredConsentSharesNothingComparedWithTheWallClockDate() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, TODAY.plusDays(1)),
                events.referral(caseId, ServiceType.SHELTER));
        assertThat(types(feeds.th.readKeyValuesToList())).containsExactly("ConsentRecorded", "ReferralMade");

        // the wall clock reaches the expiry date in Phnom Penh (UTC+7): 2026-02-02 00:30 local
        feeds.clock.advance(Duration.ofHours(21).plusMinutes(30));
        feeds.pipe(events.referral(caseId, ServiceType.MEDICAL), events.scheduled(caseId));

        assertThat(feeds.th.isEmpty()).isTrue();
    }

    @Test
    void consentThatExpiredBeforeItWasRecordedSharesNothing() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, TODAY.minusDays(3)),
                events.referral(caseId, ServiceType.SHELTER));

        assertThat(feeds.th.isEmpty()).isTrue();
    }

    @Test
    void consentNamingAnotherRecipientSharesNothing() {
        String toVietnam = CaseEvents.newCaseId();
        String toAnAgency = CaseEvents.newCaseId();
        feeds.pipe(events.escape(toVietnam, "TH"), events.consent(toVietnam, "embassy:VN", true, null),
                events.referral(toVietnam, ServiceType.SHELTER),
                events.escape(toAnAgency, "TH"), events.consent(toAnAgency, "IOM Cambodia", true, null),
                events.referral(toAnAgency, ServiceType.SHELTER));

        assertThat(feeds.th.isEmpty()).isTrue();
        assertThat(feeds.vn.isEmpty()).isTrue();
    }

    @Test
    void withdrawingAnotherRecipientsConsentLeavesTheEmbassysConsentStanding() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, null),
                events.consent(caseId, "IOM Cambodia", true, null), events.consent(caseId, "IOM Cambodia", false, null),
                events.referral(caseId, ServiceType.SHELTER));

        assertThat(types(feeds.th.readKeyValuesToList()))
                .containsExactly("ConsentRecorded", "ConsentRecorded", "ConsentRecorded", "ReferralMade");
    }

    @Test
    void correctedNationalityMovesTheFlowToTheNewNationalitysConsentedEmbassy() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, null),
                events.consent(caseId, "embassy:VN", true, null), events.referral(caseId, ServiceType.SHELTER));
        assertThat(types(feeds.th.readKeyValuesToList())).containsExactly("ConsentRecorded", "ConsentRecorded", "ReferralMade");
        assertThat(feeds.vn.isEmpty()).isTrue();

        feeds.pipe(events.corrected(caseId, "nationality", "VN", "TH"), events.referral(caseId, ServiceType.LEGAL));

        assertThat(feeds.th.isEmpty()).isTrue();
        List<KeyValue<String, FeedEntry>> vn = feeds.vn.readKeyValuesToList();
        assertThat(types(vn)).containsExactly("CaseDetailsCorrected", "ReferralMade");
        assertThat(vn).allSatisfy(kv -> assertThat(kv.value.getNationality()).isEqualTo("VN"));
    }
}
