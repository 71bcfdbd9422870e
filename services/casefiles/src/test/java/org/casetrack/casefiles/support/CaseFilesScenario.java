package org.casetrack.casefiles.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.avro.ArrestReported;
import org.casetrack.avro.CaseClosed;
import org.casetrack.avro.CaseDetailsCorrected;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.ClosureReason;
import org.casetrack.avro.CompoundEvent;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.Contact;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.DetentionType;
import org.casetrack.avro.DocumentNumber;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.PersonalData;
import org.casetrack.avro.PersonalDataErased;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.avro.RepatriationMode;
import org.casetrack.avro.ScreeningRecorded;
import org.casetrack.avro.ServiceType;
import org.casetrack.avro.TraffickingRelation;
import org.casetrack.avro.TraffickingStatus;
import org.casetrack.avro.TravelDocumentIssued;
import org.casetrack.avro.TravelDocumentKind;
import org.casetrack.avro.Whereabouts;

/**
 * Twelve cases and two compounds through the real topics and projector, with encrypted personal
 * data: one per consent rule of API.md, a repatriated, a closed and an erased case. Names below
 * carry "Planted" so a test can tell personal data from anything else.
 */
public final class CaseFilesScenario {
    public static final String TH1_NAME = "Somchai Planted-Corrected";
    public static final String TH1_PHONE = "+66 81 Planted 0001";
    public static final String TH1_HEALTH = "Planted: finger injury, needs surgery";
    public static final String TH8_PHONE = "+66 89 Planted 0008";

    public final CompoundScript greatWall = CompoundScript.discovered("Great Wall Park", "KH", LocalDate.of(2025, 6, 1));
    public final CompoundScript poipet = CompoundScript.discovered("Poipet Casino Block", "KH", LocalDate.of(2026, 1, 5));
    public final CaseScript kh1;
    public final CaseScript th1;
    public final CaseScript th2;
    public final CaseScript th3;
    public final CaseScript vn1;
    public final CaseScript la1;
    public final CaseScript th4;
    public final CaseScript th5;
    public final CaseScript th8;
    public final CaseScript th9;
    public final CaseScript th6;
    public final CaseScript th7;

    public CaseFilesScenario(CaseFilesServer server) {
        CaseScript.Sealer sealer = server.sealer();
        String gw = greatWall.compoundId();
        String pp = poipet.compoundId();
        kh1 = person(sealer, "KH", 4, null, "Planted Kh One", p -> { })
                .then(CaseClosed.newBuilder().setReason(ClosureReason.DUPLICATE).setClosedOn(day(16)).build());
        th1 = person(sealer, "TH", 5, gw, "Somchai Planted-Typo", p -> { });
        th1.then(ReferralMade.newBuilder().setService(ServiceType.MEDICAL).setTo("Calmette Hospital").setReferredOn(day(6))
                        .setWhereabouts(Whereabouts.HOSPITAL).build())
                .then(consent("embassy:TH", DataCategory.IDENTITY, DataCategory.CASE_HISTORY)
                        .setPersonal(th1.seal(PersonalData.newBuilder().setConsentDetails("Planted consent details").build())).build())
                .then(ScreeningRecorded.newBuilder().setTraffickingStatus(TraffickingStatus.ACTUAL).setDecidedBy("IOM").build())
                .then(CaseDetailsCorrected.newBuilder().setField("fullName")
                        .setPersonal(th1.seal(PersonalData.newBuilder().setFullName(TH1_NAME).setNotes("typo in the report").build())).build())
                .then(TravelDocumentIssued.newBuilder().setIssuedOn(day(8)).setIssuedBy("embassy:TH")
                        .setKind(TravelDocumentKind.EMERGENCY_TRAVEL_DOCUMENT).setPersonal(th1.seal(PersonalData.newBuilder()
                                .setDocuments(List.of(new DocumentNumber("EMERGENCY_TRAVEL_DOCUMENT", "ETD-Planted-77", "TH"))).build())).build())
                .then(ArrestReported.newBuilder().setArrestedOn(day(9)).setCountry("TH").setDetentionType(DetentionType.CRIMINAL)
                        .setRelatedToTrafficking(TraffickingRelation.NO)
                        .setPersonal(th1.seal(PersonalData.newBuilder().setArrestGrounds("Planted old warrant").build())).build());
        th2 = person(sealer, "TH", 6, pp, "Planted Th Two", p -> { })
                .then(consent("embassy:TH", DataCategory.IDENTITY, DataCategory.CONTACT).build())
                .then(consent("embassy:TH").setGiven(false).build());
        th3 = person(sealer, "TH", 7, gw, "Planted Th Three", p -> p.setMinor(true).setAgeBand(org.casetrack.avro.AgeBand.AGE_12_17))
                .then(consent("embassy:TH", DataCategory.IDENTITY).build());
        vn1 = person(sealer, "VN", 8, gw, "Planted Vn One", p -> { })
                .then(consent("embassy:VN", DataCategory.IDENTITY).build());
        la1 = person(sealer, "LA", 9, pp, "Planted La One", p -> { })
                .then(ReferralMade.newBuilder().setService(ServiceType.SHELTER).setTo("Sihanoukville shelter").setReferredOn(day(10)).build())
                .then(RepatriationCompleted.newBuilder().setRepatriatedOn(day(12)).setDestinationCountry("LA").setCrossingPoint("Ban Cham Yeam")
                        .setMode(RepatriationMode.ASSISTED_VOLUNTARY_RETURN).build());
        th4 = person(sealer, "TH", 10, null, "Planted Th Four", p -> p.setIntendsToReturn(false))
                .then(consent("embassy:TH", DataCategory.IDENTITY).build());
        th5 = person(sealer, "TH", 11, null, "Planted Th Five", p -> p.setStateless(true))
                .then(consent("embassy:TH", DataCategory.IDENTITY).build());
        th8 = person(sealer, "TH", 12, null, "Planted Th Eight", p -> p.setMinor(true).setAgeBand(org.casetrack.avro.AgeBand.AGE_12_17));
        th8.then(consent("embassy:TH", DataCategory.IDENTITY, DataCategory.CONTACT).setBestInterestsDecision(true).build());
        th9 = person(sealer, "TH", 13, gw, "Planted Th Nine Erased", p -> { })
                .then(consent("embassy:TH", DataCategory.IDENTITY, DataCategory.CASE_HISTORY).build());
        th6 = person(sealer, "TH", 14, null, "Planted Th Six", p -> { })
                .then(consent("embassy:TH", DataCategory.IDENTITY).setExpiresOn(day(15)).build());
        th7 = person(sealer, "TH", 15, null, "Planted Th Seven", p -> { })
                .then(ReferralMade.newBuilder().setService(ServiceType.LEGAL).setTo("Legal aid").setReferredOn(day(16)).build());
        server.bean(DataKeyStore.class).destroy(th9.caseId());
        th9.then(PersonalDataErased.newBuilder().setErasedOn(day(20)).build());
    }

    private static CaseScript person(CaseScript.Sealer sealer, String nationality, int day, String compoundId, String name,
                                     Consumer<EscapeReported.Builder> customise) {
        CaseScript c = CaseScript.of(sealer);
        PersonalData personal = PersonalData.newBuilder().setFullName(name).setBirthDate("1994-03")
                .setContacts(List.of(new Contact("phone", nationality.equals("TH") && day == 12 ? TH8_PHONE : TH1_PHONE)))
                .setCurrentLocation("Planted safe house " + day).setHealth(TH1_HEALTH).setNotes("Planted note " + day).build();
        return c.escaped(nationality, day(day), compoundId, personal, b -> {
            b.setWhereabouts(Whereabouts.SHELTER);
            customise.accept(b);
        });
    }

    private static ConsentRecorded.Builder consent(String recipient, DataCategory... categories) {
        return ConsentRecorded.newBuilder().setRecipient(recipient).setGiven(true).setDataCategories(List.of(categories))
                .setRecordedOn(day(16));
    }

    public static LocalDate day(int january) {
        return LocalDate.of(2026, 1, january);
    }

    /** Every case, in the stable order of the API (escape date, then case id). */
    public List<CaseScript> all() {
        return List.of(kh1, th1, th2, th3, vn1, la1, th4, th5, th8, th9, th6, th7);
    }

    public List<CompoundEvent> compoundEvents() {
        List<CompoundEvent> events = new ArrayList<>(greatWall.events());
        events.addAll(poipet.events());
        return events;
    }

    public List<CaseEvent> caseEvents() {
        return all().stream().flatMap(c -> c.events().stream()).toList();
    }

    /** Writes everything and waits until the projector has it all. */
    public CaseFilesScenario written(CaseFilesServer server) {
        try (EventLog log = server.eventLog()) {
            log.write(compoundEvents(), caseEvents());
        }
        DerivedRows rows = server.rows();
        await().atMost(Duration.ofSeconds(90)).until(() -> rows.countIfExists("derived.case_events") == caseEvents().size()
                && rows.countIfExists("derived.compound_events") == compoundEvents().size());
        return this;
    }
}
