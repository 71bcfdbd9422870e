package org.casetrack.access.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.schemas.crypto.DataKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests that wait while a key write is under way are written together in the next one. */
class KeyWriteGroupsTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    private volatile Set<String> erased = Set.of();
    private volatile String failingCase;
    private volatile String erroringCase;
    private volatile String unreachableCase;

    @AfterEach
    void stop() {
        firstWriteMayEnd.countDown();
        pool.shutdownNow();
    }

    /** Records each write; the first one holds until released, so others queue behind it. */
    private KeyWriteGroups.Written write(List<String> caseIds) {
        writes.add(caseIds);
        if (writes.size() == 1) {
            try {
                firstWriteMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (caseIds.contains(failingCase)) {
            throw new IllegalStateException("the database is gone");
        }
        if (caseIds.contains(unreachableCase)) {
            throw new DatabaseException("Creating or reading data keys", new SQLTransientConnectionException("no connection", "08001"));
        }
        if (caseIds.contains(erroringCase)) {
            throw new LinkageError("a class of the driver is missing");
        }
        Map<String, DataKey> keys = new LinkedHashMap<>();
        caseIds.stream().filter(id -> !erased.contains(id)).forEach(id -> keys.put(id, DataKey.generate()));
        return new KeyWriteGroups.Written(keys, erased);
    }

    private CompletableFuture<Map<String, DataKey>> request(KeyWriteGroups groups, String... caseIds) {
        return CompletableFuture.supplyAsync(() -> groups.keysFor(List.of(caseIds)), pool);
    }

    /** Starts a request whose write holds, then the given requests, and lets the first write end once they all wait. */
    private List<CompletableFuture<Map<String, DataKey>>> queuedBehindAWrite(KeyWriteGroups groups, List<String[]> requests) {
        CompletableFuture<Map<String, DataKey>> first = request(groups, "first");
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.size() == 1);
        List<CompletableFuture<Map<String, DataKey>>> queued = new ArrayList<>();
        requests.forEach(cases -> queued.add(request(groups, cases)));
        await().atMost(Duration.ofSeconds(5)).until(() -> groups.waiting() == requests.size());
        firstWriteMayEnd.countDown();
        first.join();
        return queued;
    }

    @Test
    void aLoneRequestIsWrittenAtOnce() {
        KeyWriteGroups groups = new KeyWriteGroups(this::write, 100);
        firstWriteMayEnd.countDown();

        Map<String, DataKey> keys = groups.keysFor(List.of("a", "b", "a"));

        assertThat(keys.keySet()).containsExactly("a", "b");
        assertThat(writes).containsExactly(List.of("a", "b"));
    }

    @Test
    void requestsThatArriveDuringAWriteShareTheNextOne() {
        KeyWriteGroups groups = new KeyWriteGroups(this::write, 100);
        List<String[]> requests = IntStream.range(0, 20).mapToObj(i -> new String[] {"case-" + i, "shared"}).toList();

        List<CompletableFuture<Map<String, DataKey>>> answers = queuedBehindAWrite(groups, requests);

        List<Map<String, DataKey>> keys = answers.stream().map(CompletableFuture::join).toList();
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1)).hasSize(21).contains("shared", "case-0", "case-19");
        for (int i = 0; i < 20; i++) {
            assertThat(keys.get(i).keySet()).containsExactly("case-" + i, "shared");
            assertThat(keys.get(i).get("shared")).isSameAs(keys.get(0).get("shared"));
        }
    }

    @Test
    void aWriteTakesAtMostTheCaseBoundButNeverSplitsARequest() {
        KeyWriteGroups groups = new KeyWriteGroups(this::write, 5);
        List<String[]> requests = List.of(new String[] {"a1", "a2"}, new String[] {"b1", "b2"}, new String[] {"c1", "c2"},
                new String[] {"d1", "d2", "d3", "d4", "d5", "d6", "d7"});

        List<CompletableFuture<Map<String, DataKey>>> answers = queuedBehindAWrite(groups, requests);

        answers.forEach(CompletableFuture::join);
        assertThat(writes.subList(1, writes.size())).allSatisfy(w -> assertThat(w.size() <= 5 || w.size() == 7).isTrue());
        assertThat(writes.stream().mapToInt(List::size).sum()).isEqualTo(1 + 13);
        assertThat(writes).anySatisfy(w -> assertThat(w).containsExactly("d1", "d2", "d3", "d4", "d5", "d6", "d7"));
    }

    @Test
    void anErasedCaseFailsOnlyTheRequestsThatNameIt() {
        KeyWriteGroups groups = new KeyWriteGroups(this::write, 100);
        erased = Set.of("gone");

        List<CompletableFuture<Map<String, DataKey>>> answers =
                queuedBehindAWrite(groups, List.of(new String[] {"x", "gone"}, new String[] {"y"}));

        assertThatThrownBy(answers.get(0)::join).hasCauseInstanceOf(CaseErasedException.class);
        assertThat(answers.get(1).join()).containsOnlyKeys("y");
        assertThat(writes).hasSize(2);
    }

    @Test
    void aFailedWriteFailsEveryRequestInItAndTheNextWriteGoesOn() {
        KeyWriteGroups groups = new KeyWriteGroups(this::write, 100);
        failingCase = "poisoned";

        List<CompletableFuture<Map<String, DataKey>>> answers =
                queuedBehindAWrite(groups, List.of(new String[] {"poisoned"}, new String[] {"z"}));

        assertThatThrownBy(answers.get(0)::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(answers.get(1)::join).hasCauseInstanceOf(IllegalStateException.class);
        failingCase = null;
        assertThat(groups.keysFor(List.of("z"))).containsOnlyKeys("z");
    }

    @Test
    void anErrorInAWriteStillAnswersEveryRequestOfItsGroup() {
        KeyWriteGroups groups = new KeyWriteGroups(this::write, 100);
        erroringCase = "broken";

        List<CompletableFuture<Map<String, DataKey>>> answers =
                queuedBehindAWrite(groups, List.of(new String[] {"broken"}, new String[] {"w"}));

        for (CompletableFuture<Map<String, DataKey>> answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
        erroringCase = null;
        assertThat(groups.keysFor(List.of("w"))).containsOnlyKeys("w");
    }

    @Test
    void everyRequestOfAFailedWriteGetsItsOwnExceptionOfTheSameKind() {
        KeyWriteGroups groups = new KeyWriteGroups(this::write, 100);
        unreachableCase = "unreachable";

        List<CompletableFuture<Map<String, DataKey>>> answers =
                queuedBehindAWrite(groups, List.of(new String[] {"unreachable"}, new String[] {"v"}, new String[] {"u"}));

        List<Throwable> thrown = answers.stream().map(answer -> catchThrowable(answer::join).getCause()).toList();
        for (Throwable t : thrown) {
            assertThat(t).isInstanceOf(DatabaseException.class).hasMessage("Creating or reading data keys failed (SQLState 08001)");
            assertThat(((DatabaseException) t).isUnavailable()).as("still answered 503 with Retry-After").isTrue();
        }
        // one instance thrown in three threads would gather each one's suppressed exceptions and traces
        assertThat(thrown.get(0)).isNotSameAs(thrown.get(1)).isNotSameAs(thrown.get(2));
        assertThat(thrown.get(1)).isNotSameAs(thrown.get(2));
        assertThat(thrown.get(0).getCause()).isSameAs(thrown.get(1).getCause());
    }
}
