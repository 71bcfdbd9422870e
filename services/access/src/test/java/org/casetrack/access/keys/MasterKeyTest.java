package org.casetrack.access.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.casetrack.access.support.AccessServer;
import org.casetrack.access.support.People;
import org.casetrack.access.support.Planted;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.PersonalData;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.schemas.crypto.MasterKey;
import org.casetrack.schemas.crypto.Opened;
import org.casetrack.schemas.crypto.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where the master key comes from, what happens with a wrong one, and rotation. Each test has a key store of its own. */
@ExtendWith(DevStackExtension.class)
class MasterKeyTest {
    private record Sealed(String caseId, PersonalData data, EncryptedBlock block) {
    }

    @Test
    void rotationRewrapsEveryKeyAndLeavesEveryCiphertextReadable(TestScope scope) throws Exception {
        MasterKey old = MasterKey.generate();
        MasterKey next = MasterKey.generate();
        List<Sealed> sealed = new ArrayList<>();
        String erased = UUID.randomUUID().toString();
        String database = KeyContexts.freshDatabase(scope);
        try (ApplicationContext context = KeyContexts.with(scope, database, old)) {
            DataKeyStore store = context.getBean(DataKeyStore.class);
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
            for (int i = 0; i < 20; i++) {
                String caseId = UUID.randomUUID().toString();
                PersonalData person = People.person();
                sealed.add(new Sealed(caseId, person, cipher.seal(person, store.keyFor(caseId), caseId)));
            }
            store.keyFor(erased);
            store.destroy(erased);
            int before = countWrappedBy(context, old.id());

            assertThat(store.rotate(next)).isEqualTo(before);

            assertThat(countWrappedBy(context, old.id())).isZero();
            assertThat(countWrappedBy(context, next.id())).isEqualTo(before);
            assertThat(store.masterKeyId()).isEqualTo(next.id());
            String fresh = UUID.randomUUID().toString();
            store.keyFor(fresh);
            assertThat(countWrappedBy(context, next.id())).isEqualTo(before + 1);
        }
        try (ApplicationContext restarted = KeyContexts.with(scope, database, next)) {
            DataKeyStore store = restarted.getBean(DataKeyStore.class);
            PersonalDataCipher cipher = restarted.getBean(PersonalDataCipher.class);
            for (Sealed s : sealed) {
                assertThat(cipher.open(s.block(), s.caseId(), store)).isEqualTo(new Opened.Available(s.data()));
            }
        }
        assertThatThrownBy(() -> startKeyStore(scope, database, Map.of("casetrack.master-key", old.toBase64())))
                .hasStackTraceContaining("wrapped by master key " + next.id())
                .hasStackTraceContaining("configured master key is " + old.id());
    }

    @Test
    void aWrongMasterKeyStopsTheServerAtStartUpNamingBothKeyIds(TestScope scope) {
        MasterKey right = MasterKey.generate();
        String database = KeyContexts.freshDatabase(scope);
        try (ApplicationContext context = KeyContexts.with(scope, database, right)) {
            context.getBean(DataKeyStore.class).keyFor(UUID.randomUUID().toString());
        }
        MasterKey wrong = MasterKey.generate();
        Map<String, Object> properties = AccessServer.properties(scope, "t-" + UUID.randomUUID(), Planted.value(wrong.toBase64()));
        properties.put("database.url", database);
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties).close())
                .hasStackTraceContaining("wrapped by master key " + right.id())
                .hasStackTraceContaining("configured master key is " + wrong.id());
    }

    @Test
    void withoutAnyMasterKeyTheServerRefusesToStart(TestScope scope) {
        Map<String, Object> properties = new HashMap<>(AccessServer.properties(scope, "t-" + UUID.randomUUID(), ""));
        properties.remove("casetrack.master-key");
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, properties).close())
                .hasStackTraceContaining("No master key: set CASETRACK_MASTER_KEY");
    }

    @Test
    void aMalformedMasterKeyIsRefusedWithoutBeingRepeated(TestScope scope) {
        String malformed = Planted.value("bm90IDMyIGJ5dGVz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
        assertThatThrownBy(() -> startKeyStore(scope, scope.jdbcUrl(), Map.of("casetrack.master-key", malformed)))
                .hasStackTraceContaining("is not a valid master key")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(malformed));
    }

    @Test
    void aMissingMasterKeyFileIsGeneratedOwnerOnlyAndReusedAfterARestart(TestScope scope) throws Exception {
        Path file = Path.of("target", "keys-" + UUID.randomUUID(), "secrets", "master.key").toAbsolutePath();
        Map<String, Object> settings = Map.of("casetrack.master-key-file", file.toString());
        String caseId = UUID.randomUUID().toString();
        PersonalData person = People.person();
        EncryptedBlock block;
        String database = KeyContexts.freshDatabase(scope);
        try (ApplicationContext context = KeyContexts.with(scope, database, settings)) {
            block = context.getBean(PersonalDataCipher.class).seal(person, context.getBean(DataKeyStore.class).keyFor(caseId), caseId);
        }
        assertThat(Files.exists(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Planted.value(Files.readString(file).trim());
        try (ApplicationContext restarted = KeyContexts.with(scope, database, settings)) {
            Opened opened = restarted.getBean(PersonalDataCipher.class).open(block, caseId, restarted.getBean(DataKeyStore.class));
            assertThat(opened).isEqualTo(new Opened.Available(person));
        }
    }

    @Test
    void theRotationToolReplacesTheKeyFileAndEveryServiceReadsOnWithTheNewKey(TestScope scope) throws Exception {
        Path file = Path.of("target", "keys-" + UUID.randomUUID(), "master.key").toAbsolutePath();
        String database = KeyContexts.freshDatabase(scope);
        Map<String, Object> settings = Map.of("casetrack.master-key-file", file.toString());
        String caseId = UUID.randomUUID().toString();
        PersonalData person = People.person();
        EncryptedBlock block;
        try (ApplicationContext context = KeyContexts.with(scope, database, settings)) {
            block = context.getBean(PersonalDataCipher.class).seal(person, context.getBean(DataKeyStore.class).keyFor(caseId), caseId);
        }
        Planted.value(Files.readString(file).trim());
        MasterKey next = MasterKey.generate();
        Planted.value(next.toBase64());

        Map<String, Object> tool = new HashMap<>(settings);
        tool.put("database.url", database);
        tool.put("database.user", "postgres");
        assertThat(RotateMasterKey.rotate(tool, next)).isEqualTo(1);

        assertThat(Files.readString(file).trim()).isEqualTo(next.toBase64());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (ApplicationContext restarted = KeyContexts.with(scope, database, settings)) {
            assertThat(restarted.getBean(DataKeyStore.class).masterKeyId()).isEqualTo(next.id());
            Opened opened = restarted.getBean(PersonalDataCipher.class).open(block, caseId, restarted.getBean(DataKeyStore.class));
            assertThat(opened).isEqualTo(new Opened.Available(person));
        }
    }

    private static void startKeyStore(TestScope scope, String database, Map<String, Object> settings) {
        try (ApplicationContext context = KeyContexts.with(scope, database, settings)) {
            context.getBean(DataKeyStore.class);
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static int countWrappedBy(ApplicationContext context, String masterKeyId) throws Exception {
        try (Connection c = context.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM \"primary\".data_keys WHERE master_key_id = '" + masterKeyId + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
