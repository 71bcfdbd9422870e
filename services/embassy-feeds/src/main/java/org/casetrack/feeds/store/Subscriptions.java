package org.casetrack.feeds.store;

import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casetrack.feeds.store.Subscription.Status;

/** Webhook subscriptions in {@code "primary"}; a subscription and its delivery cursor are created together. */
@Singleton
public class Subscriptions {
    static final String TABLE = "\"primary\".webhook_subscriptions";
    private static final String COLUMNS = "id, embassy, url, agreement, created_by, organisation, created_at, status";

    private final Jdbc jdbc;

    public Subscriptions(FeedsDatabase database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    /** Stores a new active subscription whose deliveries start at {@code firstOffset}. */
    public void create(Subscription s, SecretBox.Sealed secret, long firstOffset) {
        jdbc.inTransaction("Creating a webhook subscription", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (id, embassy, url, agreement,"
                    + " secret_key_id, secret_nonce, secret_sealed, created_by, organisation, created_at, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')");
                 PreparedStatement cursor = c.prepareStatement("INSERT INTO " + Deliveries.CURSORS
                         + " (subscription_id, next_offset) VALUES (?, ?)")) {
                insert.setObject(1, s.id());
                insert.setString(2, s.embassy());
                insert.setString(3, s.url());
                insert.setString(4, s.agreement());
                insert.setString(5, secret.keyId());
                insert.setBytes(6, secret.nonce());
                insert.setBytes(7, secret.ciphertext());
                insert.setString(8, s.createdBy());
                insert.setString(9, s.organisation());
                insert.setTimestamp(10, Timestamp.from(s.createdAt()));
                insert.executeUpdate();
                cursor.setObject(1, s.id());
                cursor.setLong(2, firstOffset);
                cursor.executeUpdate();
            }
            return null;
        });
    }

    /** The embassy's subscriptions that are not deleted, oldest first. */
    public List<Subscription> ofEmbassy(String embassy) {
        return jdbc.query("Listing webhook subscriptions", "SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE embassy = ? AND status <> 'DELETED' ORDER BY created_at, id", s -> s.setString(1, embassy), Subscriptions::read);
    }

    /** The subscription if it exists, is not deleted and belongs to this embassy. */
    public Optional<Subscription> find(UUID id, String embassy) {
        return jdbc.query("Reading a webhook subscription", "SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE id = ? AND embassy = ? AND status <> 'DELETED'", s -> {
                    s.setObject(1, id);
                    s.setString(2, embassy);
                }, Subscriptions::read).stream().findFirst();
    }

    public List<Subscription> active() {
        return jdbc.query("Listing active webhook subscriptions", "SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE status = 'ACTIVE' ORDER BY created_at, id", s -> { }, Subscriptions::read);
    }

    public SecretBox.Sealed sealedSecret(UUID id) {
        return jdbc.query("Reading a webhook secret", "SELECT secret_key_id, secret_nonce, secret_sealed FROM " + TABLE + " WHERE id = ?",
                        s -> s.setObject(1, id), rs -> new SecretBox.Sealed(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("No webhook subscription " + id));
    }

    /** @return false when it was already deleted */
    public boolean delete(UUID id) {
        return jdbc.update("Deleting a webhook subscription", "UPDATE " + TABLE + " SET status = 'DELETED', deleted_at = now()"
                + " WHERE id = ? AND status <> 'DELETED'", s -> s.setObject(1, id)) > 0;
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        return new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), Status.valueOf(rs.getString(8)));
    }
}
