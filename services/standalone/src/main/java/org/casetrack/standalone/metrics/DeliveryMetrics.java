package org.casetrack.standalone.metrics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.casetrack.access.disclosure.Disclosure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embassy feed deliveries and failures, counted where they are recorded: every SSE and webhook
 * delivery is a FEED or WEBHOOK row of the disclosure log; a webhook delivery that failed every
 * attempt is parked (and its subscription suspended). Counts only: no case, embassy or subscription
 * is named in a label.
 */
@Singleton
@Requires(property = "casetrack.metrics.cluster-enabled", notEquals = "false")
public class DeliveryMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryMetrics.class);
    private static final String UNDEFINED_TABLE = "42P01";

    private final DataSource dataSource;
    private final AtomicLong sse = new AtomicLong();
    private final AtomicLong webhook = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong suspended = new AtomicLong();

    public DeliveryMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        FunctionCounter.builder("casetrack.feed.deliveries", sse, AtomicLong::get).tag("channel", "sse")
                .description("Feed entries delivered to embassies").register(registry);
        FunctionCounter.builder("casetrack.feed.deliveries", webhook, AtomicLong::get).tag("channel", "webhook")
                .description("Feed entries delivered to embassies").register(registry);
        FunctionCounter.builder("casetrack.feed.delivery.failures", parked, AtomicLong::get).tag("channel", "webhook")
                .description("Webhook deliveries that failed every attempt and were parked").register(registry);
        Gauge.builder("casetrack.feed.subscriptions.suspended", suspended, AtomicLong::get)
                .description("Webhook subscriptions suspended after a failed delivery").register(registry);
    }

    @Scheduled(fixedDelay = "${casetrack.metrics.refresh-interval:15s}", initialDelay = "3s")
    void refresh() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(10);
            try (ResultSet rs = s.executeQuery("SELECT action, count(*) FROM \"primary\".disclosures WHERE action IN ('"
                    + Disclosure.FEED + "', '" + Disclosure.WEBHOOK + "') GROUP BY action")) {
                long feed = 0;
                long hook = 0;
                while (rs.next()) {
                    if (Disclosure.FEED.equals(rs.getString(1))) {
                        feed = rs.getLong(2);
                    } else {
                        hook = rs.getLong(2);
                    }
                }
                sse.set(feed);
                webhook.set(hook);
            }
            parked.set(count(s, "SELECT count(*) FROM \"primary\".webhook_parked"));
            suspended.set(count(s, "SELECT count(*) FROM \"primary\".webhook_subscriptions WHERE status = 'SUSPENDED'"));
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                LOG.warn("Delivery metrics not refreshed (SQLState {})", e.getSQLState());
            }
        } catch (RuntimeException e) {
            LOG.warn("Delivery metrics not refreshed: {}", e.getClass().getName());
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
