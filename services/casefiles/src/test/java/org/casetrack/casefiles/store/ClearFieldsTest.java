package org.casetrack.casefiles.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.casetrack.avro.AgeBand;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.CompoundDiscovered;
import org.casetrack.avro.ConsentPurpose;
import org.casetrack.avro.ConsentRecorded;
import org.casetrack.avro.DataCategory;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.Gender;
import org.casetrack.avro.HeadcountReported;
import org.junit.jupiter.api.Test;

/** The details column (clear fields as json): every clear field of the payload in schema order, nothing of the encrypted block. */
class ClearFieldsTest {
    private static final EncryptedBlock SEALED = EncryptedBlock.newBuilder().setKeyId("key-1")
            .setNonce(ByteBuffer.wrap(new byte[] {1, 2, 3})).setCiphertext(ByteBuffer.wrap("Planted name".getBytes())).build();

    @Test
    void anEscapeReportHasItsClearFieldsAndNotItsBlock() {
        EscapeReported escape = EscapeReported.newBuilder().setCompoundId(null).setCompoundUnknown(true)
                .setEscapedOn(LocalDate.of(2026, 1, 5)).setCircumstance(Circumstance.ESCAPED).setNationality("TH")
                .setGender(Gender.FEMALE).setAgeBand(AgeBand.AGE_18_24).setMinor(false).setIntendsToReturn(true)
                .setReportId(UUID.fromString("0b1c6f4e-2f53-4c0e-9d55-7f0c2a1b3c4d")).setGroupSize(40).setPersonal(SEALED).build();

        assertThat(details(escape)).isEqualTo("{\"compoundUnknown\":true,\"escapedOn\":\"2026-01-05\",\"circumstance\":\"ESCAPED\","
                + "\"nationality\":\"TH\",\"citizenshipBasis\":\"UNKNOWN\",\"stateless\":false,\"gender\":\"FEMALE\","
                + "\"ageBand\":\"AGE_18_24\",\"minor\":false,\"unaccompanied\":false,\"intendsToReturn\":true,"
                + "\"reportId\":\"0b1c6f4e-2f53-4c0e-9d55-7f0c2a1b3c4d\",\"groupSize\":40,\"whereabouts\":\"UNKNOWN\"}")
                .doesNotContain("key-1");
    }

    @Test
    void arraysNumbersAndTextNeedingEscapes() {
        ConsentRecorded consent = ConsentRecorded.newBuilder().setRecipient("embassy:TH").setGiven(true)
                .setPurposes(List.of(ConsentPurpose.REPATRIATION, ConsentPurpose.TRAVEL_DOCUMENT))
                .setDataCategories(List.of()).setRecordedOn(LocalDate.of(2026, 1, 16)).build();
        HeadcountReported headcount = HeadcountReported.newBuilder().setReportedOn(LocalDate.of(2026, 1, 20)).setMin(150).setMax(200)
                .setNationalities(List.of("TH", "VN")).setSource("Agency \"A\"\n\u00e9 \u0001").build();
        CompoundDiscovered compound = CompoundDiscovered.newBuilder().setCompoundId("c-1").setName("Great Wall Park").setCountry("KH")
                .setLatitude(13.6673).setLongitude(-102.5).setDiscoveredOn(LocalDate.of(2026, 1, 5)).build();

        assertThat(details(consent)).isEqualTo("{\"recipient\":\"embassy:TH\",\"given\":true,"
                + "\"purposes\":[\"REPATRIATION\",\"TRAVEL_DOCUMENT\"],\"dataCategories\":[],\"bestInterestsDecision\":false,"
                + "\"recordedOn\":\"2026-01-16\"}");
        assertThat(details(headcount)).isEqualTo("{\"reportedOn\":\"2026-01-20\",\"min\":150,\"max\":200,"
                + "\"nationalities\":[\"TH\",\"VN\"],\"source\":\"Agency \\\"A\\\"\\n\u00e9 \\u0001\"}");
        assertThat(details(compound)).isEqualTo("{\"compoundId\":\"c-1\",\"name\":\"Great Wall Park\",\"country\":\"KH\","
                + "\"latitude\":13.6673,\"longitude\":-102.5,\"discoveredOn\":\"2026-01-05\"}");
        for (SpecificRecord payload : List.<SpecificRecord>of(consent, headcount, compound)) {
            assertThat(Json.readMap(details(payload))).as("json that reads back").isNotEmpty();
        }
    }

    @Test
    void theBlockOfAPayloadIsFoundAndBytesOutsideItAreRefused() {
        EscapeReported escape = EscapeReported.newBuilder().setEscapedOn(LocalDate.of(2026, 1, 5)).setCircumstance(Circumstance.ESCAPED)
                .setNationality("TH").setReportId(UUID.randomUUID()).setPersonal(SEALED).build();

        assertThat(ClearFields.block(escape)).isSameAs(SEALED);
        assertThat(ClearFields.block(HeadcountReported.newBuilder().setReportedOn(LocalDate.of(2026, 1, 20)).setMin(1).setMax(2).build()))
                .isNull();
        assertThatThrownBy(() -> details(SEALED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bytes outside an encrypted block are not a clear field");
    }

    /** The details column of an event with this payload. */
    private static String details(SpecificRecord payload) {
        return Json.write(ClearFields.of(payload));
    }
}
