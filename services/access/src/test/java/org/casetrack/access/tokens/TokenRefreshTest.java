package org.casetrack.access.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.casetrack.access.auth.TokenSecrets;
import org.casetrack.access.db.PrimaryDatabase;
import org.casetrack.access.support.AccessServer;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cached token in steady use is read again from PostgreSQL past half its cache time, off the
 * caller's thread, so it never expires from the cache while in use; a refresh that finds it revoked
 * drops it. The cache's clock is the test's, so nothing here waits.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRefreshTest {
    private static final Duration TTL = Duration.ofSeconds(2);

    private AccessServer server;
    private final AtomicLong clock = new AtomicLong();
    private final List<Runnable> refreshes = new ArrayList<>();
    private final Executor queued = refreshes::add;

    @BeforeAll
    void start(TestScope scope) {
        server = AccessServer.start(scope);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private TokenStore store() {
        return new TokenStore(server.bean(PrimaryDatabase.class), new TokenCache(TTL, clock::get));
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }

    private void runRefreshes() {
        List<Runnable> due = List.copyOf(refreshes);
        refreshes.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void tokenInSteadyUseIsRefreshedOnceBeforeItExpiresAndStaysCached() {
        String name = "refresh-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] hash = TokenSecrets.hash(server.issue("coordinator", name, Instant.now().plusSeconds(3600)));
        TokenStore store = store();
        assertThat(store.cached(hash, queued)).as("not read yet").isEmpty();
        assertThat(store.authenticate(hash)).map(TokenRecord::name).contains(name);

        advance(TTL.dividedBy(4));
        assertThat(store.cached(hash, queued)).map(TokenRecord::name).contains(name);
        assertThat(refreshes).as("young entry: no refresh").isEmpty();

        advance(TTL.dividedBy(2));
        for (int i = 0; i < 50; i++) {
            assertThat(store.cached(hash, queued)).map(TokenRecord::name).contains(name);
        }
        assertThat(refreshes).as("one refresh however many requests").hasSize(1);
        runRefreshes();

        advance(TTL.dividedBy(3));
        assertThat(store.cached(hash, queued)).as("past the first read's time, renewed by the refresh").map(TokenRecord::name)
                .contains(name);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void refreshThatFindsTheTokenRevokedElsewhereDropsIt() throws Exception {
        String name = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] hash = TokenSecrets.hash(server.issue("monitor", name, Instant.now().plusSeconds(3600)));
        TokenStore store = store();
        assertThat(store.authenticate(hash)).isPresent();
        // revoked through another instance: this one's cache is not told
        try (Connection c = server.bean(PrimaryDatabase.class).dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE \"primary\".tokens SET revoked_at = now() WHERE name = ?")) {
            s.setString(1, name);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        advance(TTL.dividedBy(2));
        assertThat(store.cached(hash, queued)).as("still trusted within its time").isPresent();
        runRefreshes();

        assertThat(store.cached(hash, queued)).as("dropped by the refresh, before its time ran out").isEmpty();
        assertThat(store.authenticate(hash)).isEmpty();
    }

    @Test
    void entryIsNeverTrustedPastItsTimeWhenNoRefreshRan() {
        String name = "unrefreshed-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] hash = TokenSecrets.hash(server.issue("monitor", name, Instant.now().plusSeconds(3600)));
        TokenStore store = store();
        assertThat(store.authenticate(hash)).isPresent();

        advance(TTL.dividedBy(2));
        assertThat(store.cached(hash, queued)).isPresent();
        refreshes.clear(); // the refresh never runs (a busy or failing database)

        advance(TTL.dividedBy(2));
        assertThat(store.cached(hash, queued)).as("expired from the cache: the next request reads the database").isEmpty();
        assertThat(refreshes).isEmpty();
    }
}
