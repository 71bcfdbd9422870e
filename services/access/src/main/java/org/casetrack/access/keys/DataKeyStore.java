package org.casetrack.access.keys;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.casetrack.access.config.AccessSettings;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.access.db.PrimaryDatabase;
import org.casetrack.schemas.crypto.DataKey;
import org.casetrack.schemas.crypto.KeyLookup;
import org.casetrack.schemas.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AES-256 data key per case in {@code "primary".data_keys}, wrapped by the master key whose
 * id is stored beside it. Keys are created idempotently (INSERT ... ON CONFLICT DO NOTHING, then
 * read back), so concurrent first requests for a case, here or on another instance, share one
 * key. Destroying a case's key erases its personal data: every reader then gets "erased".
 */
@Singleton
public class DataKeyStore implements KeyLookup {
    private static final Logger LOG = LoggerFactory.getLogger(DataKeyStore.class);
    static final String TABLE = "\"primary\".data_keys";
    /** Cases one statement takes when concurrent requests' keys are written together. */
    private static final int MAX_CASES_PER_WRITE = 1_000;

    private final PrimaryDatabase database;
    private final AtomicReference<MasterKey> master;
    private final KeyCache cache;
    private final KeyWriteGroups writes = new KeyWriteGroups(this::createOrRead, MAX_CASES_PER_WRITE);
    /** Writers of new wrapped keys share it; a rotation takes it alone, so no key is wrapped by the old master after it. */
    private final ReadWriteLock rotation = new ReentrantReadWriteLock();

    public DataKeyStore(PrimaryDatabase database, AccessSettings settings) {
        this.database = database;
        this.master = new AtomicReference<>(MasterKeys.load(settings));
        this.cache = new KeyCache(settings.keyCacheTtl());
        MasterKeyCheck.verify(database.dataSource(), master.get());
    }

    /** The id of the master key that wraps the data keys now. */
    public String masterKeyId() {
        return master.get().id();
    }

    /** @throws CaseErasedException when the case's key was destroyed */
    public DataKey keyFor(String caseId) {
        return keysFor(List.of(caseId)).get(caseId);
    }

    /**
     * The keys of several cases (a report of many persons): those not in memory in at most two
     * statements, one batch INSERT ... ON CONFLICT DO NOTHING and one SELECT, shared with the other
     * requests waiting to write keys at the time ({@link KeyWriteGroups}).
     *
     * @throws CaseErasedException when one of the cases' key was destroyed
     */
    public Map<String, DataKey> keysFor(Collection<String> caseIds) {
        LinkedHashSet<String> wanted = new LinkedHashSet<>(caseIds);
        if (wanted.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException("A case id is missing");
        }
        Map<String, DataKey> keys = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String caseId : wanted) {
            cache.forCase(caseId).ifPresentOrElse(key -> keys.put(caseId, key), () -> missing.add(caseId));
        }
        if (!missing.isEmpty()) {
            keys.putAll(writes.keysFor(missing));
        }
        Map<String, DataKey> ordered = new LinkedHashMap<>();
        wanted.forEach(id -> ordered.put(id, keys.get(id)));
        return ordered;
    }

    /**
     * Inserts a fresh key for every case that has none and keeps those in hand (one round trip); only the
     * cases that already had a key, or got one from a concurrent request, are read back and unwrapped.
     * Erased cases are answered as such, so one of them fails only the requests that name it.
     */
    private KeyWriteGroups.Written createOrRead(List<String> caseIds) {
        rotation.readLock().lock();
        try (Connection c = database.dataSource().getConnection()) {
            long generation = cache.generation();
            MasterKey wrapping = master.get();
            Map<String, DataKey> keys = insertNew(c, caseIds, wrapping);
            keys.forEach((caseId, key) -> cache.put(caseId, key, generation));
            Set<String> erased = new HashSet<>();
            List<String> existing = caseIds.stream().filter(id -> !keys.containsKey(id)).toList();
            if (!existing.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("SELECT case_id, key_id, wrapped, master_key_id FROM " + TABLE
                        + " WHERE case_id = ANY(?)")) {
                    s.setArray(1, c.createArrayOf("text", existing.toArray(String[]::new)));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String caseId = rs.getString(1);
                            if (rs.getBytes(3) == null) {
                                erased.add(caseId);
                                continue;
                            }
                            DataKey key = unwrap(wrapping, rs.getString(2), rs.getBytes(3), rs.getString(4));
                            keys.put(caseId, key);
                            cache.put(caseId, key, generation);
                        }
                    }
                }
            }
            return new KeyWriteGroups.Written(keys, erased);
        } catch (SQLException e) {
            throw new DatabaseException("Creating or reading data keys", e);
        } finally {
            rotation.readLock().unlock();
        }
    }

    /** Inserts a fresh key for each case without one; answers the keys inserted, by case. */
    private static Map<String, DataKey> insertNew(Connection c, List<String> caseIds, MasterKey wrapping) throws SQLException {
        Map<String, DataKey> fresh = new LinkedHashMap<>();
        String[] keyIds = new String[caseIds.size()];
        byte[][] wrapped = new byte[caseIds.size()][];
        String[] masterIds = new String[caseIds.size()];
        for (int i = 0; i < caseIds.size(); i++) {
            DataKey key = DataKey.generate();
            fresh.put(caseIds.get(i), key);
            keyIds[i] = key.keyId();
            wrapped[i] = wrapping.wrap(key);
            masterIds[i] = wrapping.id();
        }
        Map<String, DataKey> inserted = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + " (case_id, key_id, wrapped, master_key_id)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::bytea[], ?::text[]) ON CONFLICT (case_id) DO NOTHING RETURNING case_id")) {
            Array cases = c.createArrayOf("text", caseIds.toArray(String[]::new));
            s.setArray(1, cases);
            s.setArray(2, c.createArrayOf("text", keyIds));
            s.setArray(3, c.createArrayOf("bytea", wrapped));
            s.setArray(4, c.createArrayOf("text", masterIds));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String caseId = rs.getString(1);
                    inserted.put(caseId, fresh.get(caseId));
                }
            }
        }
        return inserted;
    }

    /** The key with this id; empty when it was destroyed (the data is erased) or never existed. */
    @Override
    public Optional<DataKey> find(String keyId) {
        Optional<DataKey> cached = cache.forKeyId(keyId);
        if (cached.isPresent()) {
            return cached;
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT case_id, wrapped, master_key_id FROM " + TABLE + " WHERE key_id = ?")) {
            long generation = cache.generation();
            s.setString(1, keyId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getBytes(2) == null) {
                    return Optional.empty();
                }
                DataKey key = unwrap(master.get(), keyId, rs.getBytes(2), rs.getString(3));
                cache.put(rs.getString(1), key, generation);
                return Optional.of(key);
            }
        } catch (SQLException e) {
            throw new DatabaseException("Reading a data key", e);
        }
    }

    /**
     * Destroys the case's key: its personal data is erased for every reader, and the case takes no
     * new personal data. A tombstone row stays, without the key. Idempotent.
     *
     * @return true when a key existed and was destroyed now
     */
    public boolean destroy(String caseId) {
        boolean existed;
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement live = c.prepareStatement("SELECT wrapped IS NOT NULL FROM " + TABLE + " WHERE case_id = ? FOR UPDATE");
                 PreparedStatement tombstone = c.prepareStatement("INSERT INTO " + TABLE + " AS k"
                         + " (case_id, key_id, wrapped, master_key_id, destroyed_at) VALUES (?, ?, NULL, NULL, now())"
                         + " ON CONFLICT (case_id) DO UPDATE SET wrapped = NULL, master_key_id = NULL,"
                         + " destroyed_at = COALESCE(k.destroyed_at, now())")) {
                live.setString(1, caseId);
                try (ResultSet rs = live.executeQuery()) {
                    existed = rs.next() && rs.getBoolean(1);
                }
                tombstone.setString(1, caseId);
                tombstone.setString(2, "destroyed-" + UUID.randomUUID());
                tombstone.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Destroying a data key", e);
        } finally {
            cache.invalidate(caseId);
        }
        LOG.info("Data key of case {} destroyed (a key existed: {})", caseId, existed);
        return existed;
    }

    /**
     * Forgets the case's key in this instance's cache. A service on another instance calls it when
     * it reads PersonalDataErased, so the erasure takes effect there at once rather than when the
     * cached key expires ({@code casetrack.key-cache-ttl}).
     */
    public void evict(String caseId) {
        cache.invalidate(caseId);
    }

    /**
     * Re-wraps every data key under a new master key in one transaction (all or nothing), without
     * touching the Kafka log: the data keys, and so every ciphertext, stay the same. The store
     * uses the new master key from then on; restart other instances with it.
     *
     * @return the number of keys re-wrapped
     */
    public int rotate(MasterKey newMaster) {
        rotation.writeLock().lock();
        try {
            int count = MasterKeyRotation.rewrap(database.dataSource(), master.get(), newMaster);
            MasterKey old = master.getAndSet(newMaster);
            LOG.info("Re-wrapped {} data keys from master key {} to {}", count, old.id(), newMaster.id());
            return count;
        } finally {
            rotation.writeLock().unlock();
        }
    }

    private static DataKey unwrap(MasterKey wrapping, String keyId, byte[] wrapped, String masterKeyId) {
        if (!wrapping.id().equals(masterKeyId)) {
            throw new WrongMasterKeyException(masterKeyId, wrapping.id());
        }
        return wrapping.unwrap(keyId, wrapped);
    }
}
