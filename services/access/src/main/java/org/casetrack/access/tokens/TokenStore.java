package org.casetrack.access.tokens;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.casetrack.access.auth.TokenSecrets;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.access.db.PrimaryDatabase;
import org.casetrack.access.http.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens in {@code "primary".tokens}, stored as the SHA-256 of their secret. Lookups go through a
 * short-lived cache of this instance ({@link TokenCache}); a revocation clears it, so it takes
 * effect here at once.
 */
@Singleton
public class TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    private static final String COLUMNS = "name, role, organisation, issued_by, issued_at, expires_at";

    private final PrimaryDatabase database;
    private final TokenCache cache;

    public TokenStore(PrimaryDatabase database, TokenCache cache) {
        this.database = database;
        this.cache = cache;
    }

    /** A secret shown to the caller once, and the stored token. */
    public record Issued(String secret, TokenRecord token) {
        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }

    /**
     * Issues a token. An expired token of the same name is revoked first, so the name is free again.
     *
     * @throws ProblemException 409 when an active token already has this name
     */
    public Issued issue(String name, String role, String organisation, Instant expiresAt, String issuedBy) {
        String secret = TokenSecrets.generate();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement expire = c.prepareStatement("UPDATE \"primary\".tokens SET revoked_at = now()"
                    + " WHERE name = ? AND revoked_at IS NULL AND expires_at <= now()");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO \"primary\".tokens"
                         + " (token_hash, name, role, organisation, issued_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)"
                         + " RETURNING issued_at")) {
                expire.setString(1, name);
                expire.executeUpdate();
                insert.setBytes(1, TokenSecrets.hash(secret));
                insert.setString(2, name);
                insert.setString(3, role);
                insert.setString(4, organisation);
                insert.setString(5, issuedBy);
                insert.setTimestamp(6, Timestamp.from(expiresAt));
                Instant issuedAt;
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    issuedAt = rs.getTimestamp(1).toInstant();
                }
                c.commit();
                return new Issued(secret, new TokenRecord(name, role, organisation, issuedBy, issuedAt, expiresAt));
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            DatabaseException failure = new DatabaseException("Issuing a token", e);
            if (failure.isUniqueViolation()) {
                throw ProblemException.conflict("An active token already has this name; revoke it first or choose another name");
            }
            throw failure;
        }
    }

    /** Revokes the active token of this name at once. @return false when there is none */
    public boolean revoke(String name) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE \"primary\".tokens SET revoked_at = now()"
                     + " WHERE name = ? AND revoked_at IS NULL")) {
            s.setString(1, name);
            int revoked = s.executeUpdate();
            cache.invalidateAll();
            return revoked > 0;
        } catch (SQLException e) {
            throw new DatabaseException("Revoking a token", e);
        }
    }

    /** Tokens not revoked (expired ones included, so an admin sees what to renew), by name. */
    public List<TokenRecord> unrevoked() {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM \"primary\".tokens"
                     + " WHERE revoked_at IS NULL ORDER BY name");
             ResultSet rs = s.executeQuery()) {
            List<TokenRecord> tokens = new ArrayList<>();
            while (rs.next()) {
                tokens.add(record(rs));
            }
            return tokens;
        } catch (SQLException e) {
            throw new DatabaseException("Listing tokens", e);
        }
    }

    /**
     * The token with this secret hash from this instance's cache, without touching the database on the
     * caller's thread: empty when not cached (or expired). A cached token past half its time is read
     * again on {@code refresher} (once), so one in steady use does not expire from the cache and make
     * requests wait for the database every few seconds.
     */
    public Optional<TokenRecord> cached(byte[] hash, Executor refresher) {
        Instant now = Instant.now();
        return cache.get(hash, () -> {
            try {
                refresher.execute(() -> refresh(hash));
            } catch (RejectedExecutionException e) {
                // not refreshed: the entry expires in its time and the next request reads the token
            }
        }).filter(t -> !t.isExpiredAt(now));
    }

    /** Reads a cached token again: renewed when still valid, dropped when revoked or expired meanwhile. */
    private void refresh(byte[] hash) {
        long generation = cache.generation();
        try {
            lookup(hash).ifPresentOrElse(t -> cache.put(hash, t, generation), () -> cache.drop(hash));
        } catch (DatabaseException e) {
            // the entry expires in its time and the next request reads the token (and meets the failure)
            LOG.warn("Refreshing a cached token failed: {}", e.getMessage());
        }
    }

    /** The token with this secret hash, when it is neither revoked nor expired. Runs on every request. */
    public Optional<TokenRecord> authenticate(byte[] hash) {
        Instant now = Instant.now();
        Optional<TokenRecord> cached = cache.get(hash);
        if (cached.isPresent()) {
            return cached.filter(t -> !t.isExpiredAt(now));
        }
        long generation = cache.generation();
        Optional<TokenRecord> found = lookup(hash);
        found.ifPresent(t -> cache.put(hash, t, generation));
        return found.filter(t -> !t.isExpiredAt(now));
    }

    private Optional<TokenRecord> lookup(byte[] hash) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM \"primary\".tokens"
                     + " WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > now()")) {
            s.setBytes(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("Looking up a token", e);
        }
    }

    private static TokenRecord record(ResultSet rs) throws SQLException {
        return new TokenRecord(rs.getString("name"), rs.getString("role"), rs.getString("organisation"),
                rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }
}
