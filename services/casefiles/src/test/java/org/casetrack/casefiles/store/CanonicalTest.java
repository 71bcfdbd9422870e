package org.casetrack.casefiles.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.casetrack.avro.Circumstance;
import org.casetrack.avro.EscapeReported;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void equalValuesShareOneInstanceAndEveryAnswerEqualsItsQuestion() {
        Canonical canonical = new Canonical(16);
        String first = new String("TH");
        assertThat(canonical.of(new String("TH"))).isEqualTo("TH");
        assertThat(canonical.of(first)).isNotSameAs(first).isEqualTo("TH");
        assertThat(canonical.of((Object) null)).isNull();

        // far more distinct values than slots: collisions replace, answers stay equal to what was asked
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String value = "v" + random.nextInt(500);
            assertThat(canonical.of(new String(value))).isEqualTo(value);
            LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400));
            assertThat(canonical.of(LocalDate.of(date.getYear(), date.getMonth(), date.getDayOfMonth()))).isEqualTo(date);
        }
        assertThatThrownBy(() -> new Canonical(12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayloadsTextsAndDatesAreSwappedForSharedOnes() {
        Canonical canonical = new Canonical(1 << 10);
        EscapeReported one = escape();
        EscapeReported two = escape();
        assertThat(two.getNationality()).isNotSameAs(one.getNationality());

        canonical.fieldsOf(one);
        canonical.fieldsOf(two);

        assertThat(two.getNationality()).isSameAs(one.getNationality()).isEqualTo("KH");
        assertThat(two.getCompoundId()).isSameAs(one.getCompoundId()).isEqualTo("compound-1");
        assertThat(two.getEscapedOn()).isSameAs(one.getEscapedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(two.getReportId()).isEqualTo(one.getReportId());
    }

    private static EscapeReported escape() {
        return EscapeReported.newBuilder().setCompoundId(new String("compound-1")).setEscapedOn(LocalDate.parse("2026-01-05"))
                .setCircumstance(Circumstance.ESCAPED).setNationality(new String("KH"))
                .setReportId(UUID.fromString("0b1c6f4e-2f53-4c0e-9d55-7f0c2a1b3c4d")).build();
    }
}
