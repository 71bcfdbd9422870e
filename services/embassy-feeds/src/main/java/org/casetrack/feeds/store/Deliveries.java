package org.casetrack.feeds.store;

import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where each subscription's deliveries stand: its cursor (the next feed offset to deliver) and its
 * parked deliveries. Parking a delivery suspends the subscription in the same transaction; a replay
 * releases the parked deliveries and resumes it in one transaction too.
 */
@Singleton
public class Deliveries {
    static final String CURSORS = "\"primary\".webhook_cursors";
    private static final String PARKED = "\"primary\".webhook_parked";

    private final Jdbc jdbc;

    public Deliveries(FeedsDatabase database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    public long cursor(UUID id) {
        return jdbc.query("Reading a webhook cursor", "SELECT next_offset FROM " + CURSORS + " WHERE subscription_id = ?",
                        s -> s.setObject(1, id), rs -> rs.getLong(1))
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("No cursor for webhook subscription " + id));
    }

    /** Moves the cursor forward only, so a late writer can never rewind it. */
    public void advance(UUID id, long nextOffset) {
        jdbc.update("Advancing a webhook cursor", "UPDATE " + CURSORS + " SET next_offset = GREATEST(next_offset, ?), updated_at = now()"
                + " WHERE subscription_id = ?", s -> {
                    s.setLong(1, nextOffset);
                    s.setObject(2, id);
                });
    }

    /** Parks the failed delivery and suspends the subscription, together. */
    public void park(UUID id, ParkedDelivery delivery) {
        jdbc.inTransaction("Parking a webhook delivery", c -> {
            try (PreparedStatement park = c.prepareStatement("INSERT INTO " + PARKED + " (subscription_id, feed_offset, webhook_id,"
                    + " event_type, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement suspend = c.prepareStatement("UPDATE " + Subscriptions.TABLE
                         + " SET status = 'SUSPENDED', suspended_at = now() WHERE id = ? AND status = 'ACTIVE'")) {
                park.setObject(1, id);
                park.setLong(2, delivery.feedOffset());
                park.setString(3, delivery.webhookId());
                park.setString(4, delivery.eventType());
                park.setInt(5, delivery.attempts());
                park.setString(6, delivery.lastError());
                park.executeUpdate();
                suspend.setObject(1, id);
                suspend.executeUpdate();
            }
            return null;
        });
    }

    /** Parked deliveries not replayed yet, in feed order. */
    public List<ParkedDelivery> parked(UUID id) {
        return jdbc.query("Listing parked webhook deliveries", "SELECT feed_offset, webhook_id, event_type, attempts, last_error, parked_at"
                        + " FROM " + PARKED + " WHERE subscription_id = ? AND replayed_at IS NULL ORDER BY feed_offset, id",
                s -> s.setObject(1, id), rs -> new ParkedDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    /**
     * Releases the parked deliveries and makes a suspended subscription active again; delivery then
     * resumes at the cursor, which still points at the first parked delivery.
     *
     * @return the number of deliveries released; empty when the subscription was not suspended
     */
    public Optional<Integer> resume(UUID id) {
        return jdbc.inTransaction("Resuming a webhook subscription", c -> {
            try (PreparedStatement resume = c.prepareStatement("UPDATE " + Subscriptions.TABLE
                    + " SET status = 'ACTIVE', suspended_at = NULL WHERE id = ? AND status = 'SUSPENDED'");
                 PreparedStatement release = c.prepareStatement("UPDATE " + PARKED + " SET replayed_at = now()"
                         + " WHERE subscription_id = ? AND replayed_at IS NULL")) {
                resume.setObject(1, id);
                if (resume.executeUpdate() == 0) {
                    return Optional.<Integer>empty();
                }
                release.setObject(1, id);
                return Optional.of(release.executeUpdate());
            }
        });
    }
}
