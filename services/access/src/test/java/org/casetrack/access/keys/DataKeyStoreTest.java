package org.casetrack.access.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.casetrack.access.support.People;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.avro.PersonalData;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.schemas.crypto.DataKey;
import org.casetrack.schemas.crypto.MasterKey;
import org.casetrack.schemas.crypto.Opened;
import org.casetrack.schemas.crypto.PersonalDataCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One key per case under concurrency, batches, and erasure as every reader sees it. */
@ExtendWith(DevStackExtension.class)
class DataKeyStoreTest {
    private static final MasterKey MASTER = MasterKey.generate();

    private static String caseId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void fiftyConcurrentRequestsOnTwoInstancesYieldOneKey(TestScope scope) throws Exception {
        String caseId = caseId();
        try (ApplicationContext first = KeyContexts.with(scope, MASTER); ApplicationContext second = KeyContexts.with(scope, MASTER)) {
            List<DataKeyStore> stores = List.of(first.getBean(DataKeyStore.class), second.getBean(DataKeyStore.class));
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<DataKey>> requests = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    DataKeyStore store = stores.get(i % 2);
                    Callable<DataKey> request = () -> {
                        go.await();
                        return store.keyFor(caseId);
                    };
                    requests.add(pool.submit(request));
                }
                go.countDown();
                Set<String> keyIds = requests.stream().map(f -> get(f).keyId()).collect(Collectors.toSet());
                Set<String> keyBytes = requests.stream().map(f -> java.util.HexFormat.of().formatHex(get(f).key().getEncoded()))
                        .collect(Collectors.toSet());
                assertThat(keyIds).hasSize(1);
                assertThat(keyBytes).hasSize(1);
                assertThat(rowsFor(first, caseId)).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void concurrentRequestsWrittenTogetherEachGetTheirStoredKeysAndAnErasedCaseFailsOnlyItsOwn(TestScope scope) throws Exception {
        String erasedCase = caseId();
        try (ApplicationContext context = KeyContexts.with(scope, MASTER)) {
            DataKeyStore store = context.getBean(DataKeyStore.class);
            store.destroy(erasedCase);
            ExecutorService pool = Executors.newFixedThreadPool(64);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<List<String>> requests = IntStream.range(0, 200).mapToObj(i -> List.of(caseId(), caseId())).toList();
                List<Future<Map<String, DataKey>>> answers = new ArrayList<>();
                for (List<String> cases : requests) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return store.keysFor(cases);
                    }));
                }
                Future<Map<String, DataKey>> withErased = pool.submit(() -> {
                    go.await();
                    return store.keysFor(List.of(caseId(), erasedCase));
                });
                go.countDown();

                assertThatThrownBy(() -> withErased.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(CaseErasedException.class);
                for (int i = 0; i < requests.size(); i++) {
                    Map<String, DataKey> keys = answers.get(i).get(60, TimeUnit.SECONDS);
                    assertThat(keys.keySet()).containsExactlyElementsOf(requests.get(i));
                    for (String caseId : requests.get(i)) {
                        assertThat(keyIdStored(context, caseId)).isEqualTo(keys.get(caseId).keyId());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aBatchOfFortyCasesGetsFortyKeysAndRepeatsReturnTheSame(TestScope scope) {
        try (ApplicationContext context = KeyContexts.with(scope, MASTER)) {
            DataKeyStore store = context.getBean(DataKeyStore.class);
            List<String> cases = IntStream.range(0, 40).mapToObj(i -> caseId()).toList();
            DataKey early = store.keyFor(cases.get(7));

            Map<String, DataKey> keys = store.keysFor(cases);

            assertThat(keys.keySet()).containsExactlyElementsOf(cases);
            assertThat(keys.values().stream().map(DataKey::keyId).distinct()).hasSize(40);
            assertThat(keys.get(cases.get(7)).keyId()).isEqualTo(early.keyId());
            try (ApplicationContext other = KeyContexts.with(scope, MASTER)) {
                Map<String, DataKey> again = other.getBean(DataKeyStore.class).keysFor(cases);
                assertThat(again.values()).extracting(DataKey::keyId)
                        .containsExactlyElementsOf(keys.values().stream().map(DataKey::keyId).toList());
            }
        }
    }

    @Test
    void afterErasureEveryReaderSaysErasedAndTheCaseTakesNoNewKey(TestScope scope) throws Exception {
        String caseId = caseId();
        PersonalData person = People.person();
        EncryptedBlock block;
        try (ApplicationContext context = KeyContexts.with(scope, MASTER)) {
            DataKeyStore store = context.getBean(DataKeyStore.class);
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
            block = cipher.seal(person, store.keyFor(caseId), caseId);
            assertThat(cipher.open(block, caseId, store)).isEqualTo(new Opened.Available(person));

            assertThat(store.destroy(caseId)).isTrue();

            assertThat(cipher.open(block, caseId, store)).isEqualTo(new Opened.Erased(block.getKeyId()));
            assertThat(store.find(block.getKeyId())).isEmpty();
            assertThatThrownBy(() -> store.keyFor(caseId)).isInstanceOf(CaseErasedException.class)
                    .hasMessageNotContaining(person.getFullName());
            assertThatThrownBy(() -> store.keysFor(List.of(caseId(), caseId))).isInstanceOf(CaseErasedException.class);
            assertThat(store.destroy(caseId)).isFalse();
            assertThat(wrappedKeyOf(context, caseId)).isNull();
        }
        try (ApplicationContext restarted = KeyContexts.with(scope, MASTER)) {
            Opened opened = restarted.getBean(PersonalDataCipher.class).open(block, caseId, restarted.getBean(DataKeyStore.class));
            assertThat(opened).isInstanceOf(Opened.Erased.class);
        }
    }

    @Test
    void erasingACaseThatNeverHadAKeyStillClosesItToPersonalData(TestScope scope) {
        String caseId = caseId();
        try (ApplicationContext context = KeyContexts.with(scope, MASTER)) {
            DataKeyStore store = context.getBean(DataKeyStore.class);
            assertThat(store.destroy(caseId)).isFalse();
            assertThatThrownBy(() -> store.keyFor(caseId)).isInstanceOf(CaseErasedException.class);
        }
    }

    @Test
    void anotherInstanceThatEvictsOnPersonalDataErasedSaysErasedAtOnce(TestScope scope) {
        String caseId = caseId();
        PersonalData person = People.person();
        try (ApplicationContext reader = KeyContexts.with(scope, MASTER); ApplicationContext eraser = KeyContexts.with(scope, MASTER)) {
            DataKeyStore readerKeys = reader.getBean(DataKeyStore.class);
            PersonalDataCipher cipher = reader.getBean(PersonalDataCipher.class);
            EncryptedBlock block = cipher.seal(person, readerKeys.keyFor(caseId), caseId);
            assertThat(cipher.open(block, caseId, readerKeys)).isInstanceOf(Opened.Available.class);

            assertThat(eraser.getBean(DataKeyStore.class).destroy(caseId)).isTrue();
            readerKeys.evict(caseId);

            assertThat(cipher.open(block, caseId, readerKeys)).isInstanceOf(Opened.Erased.class);
        }
    }

    private static DataKey get(Future<DataKey> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("A key request failed", e);
        }
    }

    private static int rowsFor(ApplicationContext context, String caseId) throws Exception {
        try (Connection c = context.getBean(DataSource.class).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM \"primary\".data_keys WHERE case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String keyIdStored(ApplicationContext context, String caseId) throws Exception {
        return stored(context, caseId, "key_id", rs -> rs.getString(1));
    }

    private static byte[] wrappedKeyOf(ApplicationContext context, String caseId) throws Exception {
        return stored(context, caseId, "wrapped", rs -> rs.getBytes(1));
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** One column of the case's key row, which must exist. */
    private static <T> T stored(ApplicationContext context, String caseId, String column, Column<T> read) throws Exception {
        try (Connection c = context.getBean(DataSource.class).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM \"primary\".data_keys WHERE case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return read.read(rs);
            }
        }
    }
}
