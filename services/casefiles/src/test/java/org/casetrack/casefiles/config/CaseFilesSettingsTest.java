package org.casetrack.casefiles.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How many cases a rebuild reader holds: the setting when given, otherwise a quarter of the heap shared by the readers. */
class CaseFilesSettingsTest {
    private static final long GIB = 1L << 30;

    @Test
    void aGivenNumberOfHeldCasesIsUsedAsItIs() {
        assertThat(settings(2, 40).rebuildCasesPerReader(6 * GIB)).isEqualTo(40);
    }

    @Test
    void byDefaultTheReadersShareAQuarterOfTheHeapAtOneKilobyteACase() {
        assertThat(CaseFilesSettings.defaults().rebuildCasesInMemory()).isZero();
        // 6 GiB / 4 = 1.5 GiB = 1,572,864 cases of 1 KiB, shared by 2 readers
        assertThat(settings(2, 0).rebuildCasesPerReader(6 * GIB)).isEqualTo(786_432);
        assertThat(settings(4, 0).rebuildCasesPerReader(6 * GIB)).isEqualTo(393_216);
    }

    @Test
    void aSmallHeapStillHoldsAThousandCasesPerReader() {
        assertThat(settings(2, 0).rebuildCasesPerReader(4L << 20)).isEqualTo(1_000);
    }

    private static CaseFilesSettings settings(int readers, int casesInMemory) {
        return new CaseFilesSettings(true, "casefiles", 2000, Duration.ofMillis(200), Duration.ofMinutes(5), Duration.ofSeconds(45),
                Duration.ofMillis(500), Duration.ofSeconds(10), 5000, readers, casesInMemory);
    }
}
