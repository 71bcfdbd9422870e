package org.casetrack.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's reading of its environment: where the key goes, which services run, what is embedded. */
class StandaloneSettingsTest {

    @Test
    void masterKeyFileLiesBesideTheDataDirectoryNeverInsideIt() {
        StandaloneSettings settings = StandaloneSettings.from(Map.of("CASETRACK_DATA_DIR", "/srv/casetrack/data"));

        assertThat(settings.defaultMasterKeyFile()).isEqualTo(Path.of("/srv/casetrack/data.master-key"));
        assertThat(settings.defaultMasterKeyFile().startsWith(settings.dataDir())).isFalse();
        assertThat(settings.masterKeyGiven()).isFalse();
        assertThat(StandaloneSettings.from(Map.of("CASETRACK_MASTER_KEY_FILE", "/keys/k")).masterKeyGiven()).isTrue();
    }

    @Test
    void defaultsEmbedEverythingUnderDotDataAndRunEveryService() {
        StandaloneSettings settings = StandaloneSettings.from(Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.bootstrapServers()).isEmpty();
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.services()).containsExactlyInAnyOrderElementsOf(StandaloneSettings.ALL_SERVICES);
        assertThat(settings.serviceSwitches()).isEmpty();
    }

    @Test
    void servicesNotListedAreSwitchedOff() {
        StandaloneSettings settings = StandaloneSettings.from(Map.of("CASETRACK_SERVICES", " views , embassy-feeds"));

        assertThat(settings.services()).containsExactlyInAnyOrder("views", "feeds");
        assertThat(settings.serviceSwitches()).containsOnlyKeys("intake.enabled", "ledger.enabled", "casefiles.enabled")
                .containsValue("false");
    }

    @Test
    void refusesUnknownServicesPortsAndArguments() {
        assertThatThrownBy(() -> StandaloneSettings.from(Map.of("CASETRACK_SERVICES", "intake,dashboard")))
                .hasMessageContaining("'dashboard'");
        assertThatThrownBy(() -> StandaloneSettings.from(Map.of("CASETRACK_KAFKA_PORT", "90920")))
                .hasMessageContaining("CASETRACK_KAFKA_PORT");
        assertThatThrownBy(() -> StandaloneSettings.demoRequested(new String[] {"--dmeo"})).hasMessageContaining("--dmeo");
        assertThat(StandaloneSettings.demoRequested(new String[] {"--demo"})).isTrue();
    }

    @Test
    void neverPrintsTheAdminToken() {
        assertThat(StandaloneSettings.from(Map.of("CASETRACK_ADMIN_TOKEN", "s3cret-token-value")).toString())
                .doesNotContain("s3cret-token-value").contains("(set)");
    }
}
