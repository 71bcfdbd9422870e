package org.casetrack.feeds.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrack.feeds.topology.FeedHarness.types;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.streams.KeyValue;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.Lifecycle;
import org.casetrack.avro.ServiceType;
import org.casetrack.feeds.support.CaseEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The never-share rules, which no consent overrides, and what a feed record holds. */
class NeverShareTopologyTest {
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
    void neverSharesAPersonWhoDoesNotIntendToReturn() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, CaseEvents.escapeOf("TH").setIntendsToReturn(false).build()),
                events.consent(caseId, "embassy:TH", true, null), events.referral(caseId, ServiceType.LEGAL));

        assertThat(feeds.th.isEmpty()).isTrue();
    }

    @Test
    void stopsSharingWhenACorrectionSaysThePersonFearsReturn() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, null));
        assertThat(types(feeds.th.readKeyValuesToList())).containsExactly("ConsentRecorded");

        feeds.pipe(events.corrected(caseId, "intendsToReturn", "false", "true"), events.referral(caseId, ServiceType.LEGAL));

        assertThat(feeds.th.isEmpty()).isTrue();
    }

    @Test
    void neverSharesAStatelessPerson() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, CaseEvents.escapeOf("TH").setStateless(true).build()),
                events.consent(caseId, "embassy:TH", true, null), events.referral(caseId, ServiceType.DOCUMENTATION));
        String corrected = CaseEvents.newCaseId();
        feeds.pipe(events.escape(corrected, "TH"), events.consent(corrected, "embassy:TH", true, null),
                events.corrected(corrected, "stateless", "true", "false"), events.referral(corrected, ServiceType.DOCUMENTATION));

        assertThat(feeds.th.readKeyValuesToList()).extracting(kv -> kv.key + " " + kv.value.getEventType())
                .containsExactly(corrected + " ConsentRecorded");
    }

    @Test
    void sharesAMinorOnlyWithARecordedBestInterestsDecision() {
        String without = CaseEvents.newCaseId();
        String with = CaseEvents.newCaseId();
        List<DataCategory> identity = List.of(DataCategory.IDENTITY);
        feeds.pipe(events.escape(without, CaseEvents.escapeOf("TH").setMinor(true).build()),
                events.consent(without, "embassy:TH", true, null, false, identity), events.referral(without, ServiceType.SHELTER),
                events.escape(with, CaseEvents.escapeOf("TH").setMinor(true).build()),
                events.consent(with, "embassy:TH", true, null, true, identity), events.referral(with, ServiceType.SHELTER));

        List<KeyValue<String, FeedEntry>> th = feeds.th.readKeyValuesToList();
        assertThat(th).extracting(kv -> kv.key).containsOnly(with);
        assertThat(types(th)).containsExactly("ConsentRecorded", "ReferralMade");
    }

    @Test
    void neverSharesAnArrestOrADetentionEvenWithConsent() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.escape(caseId, "TH"), events.consent(caseId, "embassy:TH", true, null), events.arrest(caseId),
                events.detentionEnded(caseId), events.scheduled(caseId));

        assertThat(types(feeds.th.readKeyValuesToList())).containsExactly("ConsentRecorded", "RepatriationScheduled");
    }

    @Test
    void feedRecordHoldsOnlyTheMinimisedFields() {
        Schema schema = FeedEntry.getClassSchema();
        assertThat(schema.getFields().stream().map(Schema.Field::name).collect(Collectors.toList())).containsExactly(
                "caseId", "eventId", "sequence", "eventType", "nationality", "occurredOn", "eventDate", "recordedAt",
                "compoundId", "needsCategory", "lifecycle", "personalDataAvailable");

        String caseId = CaseEvents.newCaseId();
        var escape = events.escape(caseId, "TH");
        var consent = events.consent(caseId, "embassy:TH", true, null);
        var referral = events.referral(caseId, ServiceType.SHELTER);
        var repatriated = events.repatriated(caseId);
        feeds.pipe(escape, consent, referral, repatriated);

        List<KeyValue<String, FeedEntry>> th = feeds.th.readKeyValuesToList();
        FeedEntry shelter = th.get(1).value;
        assertThat(shelter.getCaseId()).isEqualTo(caseId);
        assertThat(shelter.getEventId()).isEqualTo(referral.getMetadata().getEventId());
        assertThat(shelter.getEventType()).isEqualTo("ReferralMade");
        assertThat(shelter.getEventDate()).isEqualTo(CaseEvents.ESCAPED_ON.plusDays(2));
        assertThat(shelter.getRecordedAt()).isEqualTo(referral.getMetadata().getRecordedAt());
        assertThat(shelter.getCompoundId()).isEqualTo("compound-gwp");
        assertThat(shelter.getNeedsCategory()).isEqualTo(ServiceType.SHELTER);
        assertThat(shelter.getLifecycle()).isEqualTo(Lifecycle.OPEN);
        assertThat(shelter.getPersonalDataAvailable()).isTrue();
        FeedEntry home = th.get(2).value;
        assertThat(home.getEventType()).isEqualTo("RepatriationCompleted");
        assertThat(home.getLifecycle()).isEqualTo(Lifecycle.REPATRIATED);
        assertThat(home.getNeedsCategory()).isNull();
    }

    @Test
    void personalDataIsAvailableOnlyWhileNotErasedAndWithConsentedCategories() {
        String noCategories = CaseEvents.newCaseId();
        feeds.pipe(events.escape(noCategories, "TH"), events.consent(noCategories, "embassy:TH", true, null, false, List.of()));
        String noBlock = CaseEvents.newCaseId();
        feeds.pipe(events.escape(noBlock, CaseEvents.escapeOf("TH").build()), events.consent(noBlock, "embassy:TH", true, null));
        String erased = CaseEvents.newCaseId();
        feeds.pipe(events.escape(erased, "TH"), events.consent(erased, "embassy:TH", true, null), events.erased(erased),
                events.closed(erased));

        assertThat(feeds.th.readKeyValuesToList()).extracting(kv -> kv.value.getEventType() + " " + kv.value.getPersonalDataAvailable())
                .containsExactly("ConsentRecorded false", "ConsentRecorded false", "ConsentRecorded true",
                        "PersonalDataErased false", "CaseClosed false");
    }

    @Test
    void eventsOfACaseNotYetOpenedAreSharedWithNobody() {
        String caseId = CaseEvents.newCaseId();
        feeds.pipe(events.consent(caseId, "embassy:TH", true, null), events.referral(caseId, ServiceType.SHELTER));

        assertThat(feeds.th.isEmpty()).isTrue();
        assertThat(feeds.store().get(caseId).getOpened()).isFalse();
    }
}
