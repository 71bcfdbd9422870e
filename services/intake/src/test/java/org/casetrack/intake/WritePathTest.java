package org.casetrack.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.avro.CaseEvent;
import org.casetrack.avro.EscapeReported;
import org.casetrack.avro.PersonalData;
import org.casetrack.avro.RepatriationCompleted;
import org.casetrack.devstack.ApiClient.Reply;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.crypto.Opened;
import org.casetrack.schemas.crypto.PersonalDataCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reports become facts: through intake's HTTP API and the real ledger, on the real broker. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritePathTest {
    private TestScope scope;
    private IntakeStack stack;

    @BeforeAll
    void start(TestScope scope) {
        this.scope = scope;
        this.stack = IntakeStack.start(scope);
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    private String newCompound() {
        Reply reply = stack.api.post("/api/v1/compounds", stack.coordinator, Reports.compound("Compound " + UUID.randomUUID()));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().get("compoundId").asText();
    }

    private List<CaseEvent> caseEvents() {
        TopicSerdes serdes = stack.context().getBean(TopicSerdes.class);
        return TopicReader.values(scope.bootstrapServers(), scope.topics().caseEvents().name(),
                serdes.value(scope.topics().caseEvents()).deserializer());
    }

    @Test
    void discoveringACompoundThenAtOnceReportingAnEscapeNeverMeetsAnUnknownCompound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger accepted = new AtomicInteger();
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            statuses.add(pool.submit(() -> {
                String compoundId = newCompound();
                Reply escape = stack.api.post("/api/v1/escapes", stack.coordinator, Reports.escape(compoundId, "TH", 1));
                if (escape.status() == 201) {
                    accepted.incrementAndGet();
                }
                return escape.status();
            }));
        }
        List<Integer> notCreated = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            if (status.get() != 201) {
                notCreated.add(status.get());
            }
        }
        pool.shutdown();
        assertThat(notCreated).isEmpty();
        assertThat(accepted).hasValue(1000);
    }

    @Test
    void eventsDecodeAndNoPersonalFieldTravelsInClear() {
        String planted = "Planted Name " + UUID.randomUUID();
        String plantedPhone = "+66-" + UUID.randomUUID();
        Map<String, Object> report = Reports.escape(newCompound(), "TH", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) report.get("persons")).get(0);
        first.put("personalData", Map.of("fullName", planted, "contacts", List.of(Map.of("channel", "phone", "value", plantedPhone)),
                "notes", "hid in a forest near " + planted));

        Reply reply = stack.api.post("/api/v1/escapes", stack.coordinator, report);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        String caseId = reply.json().get("caseIds").get(0).asText();
        CaseEvent opened = caseEvents().stream().filter(e -> e.getMetadata().getAggregateId().equals(caseId)).findFirst().orElseThrow();
        EscapeReported escape = (EscapeReported) opened.getPayload();
        assertThat(escape.getNationality()).isEqualTo("TH");
        assertThat(escape.getPersonal()).isNotNull();
        assertThat(opened.getMetadata().getOrganisation()).isEqualTo(IntakeStack.ORGANISATION);
        PersonalData data = ((Opened.Available) stack.context().getBean(PersonalDataCipher.class)
                .open(escape.getPersonal(), caseId, stack.context().getBean(DataKeyStore.class))).data();
        assertThat(data.getFullName()).isEqualTo(planted);
        for (var topic : scope.topics().all()) {
            for (ConsumerRecord<String, byte[]> record : TopicReader.raw(scope.bootstrapServers(), topic.name())) {
                String raw = record.value() == null ? "" : new String(record.value(), StandardCharsets.ISO_8859_1);
                assertThat(raw).as("a record on %s", topic.name()).doesNotContain(planted).doesNotContain(plantedPhone);
            }
        }
    }

    @Test
    void fiftyConcurrentPostsWithOneKeyWriteOneSetOfEvents() throws Exception {
        Map<String, Object> report = Reports.escape(newCompound(), "VN", 3);
        String key = "same-key-" + UUID.randomUUID();
        List<Reply> replies = concurrently(50, () -> stack.api.post("/api/v1/escapes", stack.coordinator, key, report));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(201));
        assertThat(replies.stream().map(r -> r.json().get("caseIds").toString()).distinct()).hasSize(1);
        List<String> caseIds = new ArrayList<>();
        replies.get(0).json().get("caseIds").forEach(id -> caseIds.add(id.asText()));
        long events = caseEvents().stream().filter(e -> caseIds.contains(e.getMetadata().getAggregateId())).count();
        assertThat(events).isEqualTo(3);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String key = "reused-" + UUID.randomUUID();
        String compound = newCompound();
        assertThat(stack.api.post("/api/v1/escapes", stack.coordinator, key, Reports.escape(compound, "VN", 1)).status()).isEqualTo(201);

        Reply other = stack.api.post("/api/v1/escapes", stack.coordinator, key, Reports.escape(compound, "LA", 1));

        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void racingRequestsWithOneKeyAndDifferentBodiesEachGetTheirOwnAnswer() throws Exception {
        String compound = newCompound();
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round + "-" + UUID.randomUUID();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Reply> vn = pool.submit(() -> stack.api.post("/api/v1/escapes", stack.coordinator, key, Reports.escape(compound, "VN", 1)));
            Future<Reply> la = pool.submit(() -> stack.api.post("/api/v1/escapes", stack.coordinator, key, Reports.escape(compound, "LA", 1)));
            List<Integer> statuses = List.of(vn.get().status(), la.get().status());
            pool.shutdown();

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 422);
        }
    }

    @Test
    void twentyConcurrentRepatriationsOfOneCaseGiveOne201AndConflicts() throws Exception {
        String caseId = stack.api.post("/api/v1/escapes", stack.coordinator, Reports.escape(newCompound(), "TH", 1))
                .json().get("caseIds").get(0).asText();

        List<Reply> replies = concurrently(20, () -> stack.api.post("/api/v1/cases/" + caseId + "/repatriation", stack.coordinator, Reports.repatriation()));

        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() == 409)).hasSize(19);
        assertThat(replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow().header("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        long repatriations = caseEvents().stream()
                .filter(e -> e.getMetadata().getAggregateId().equals(caseId) && e.getPayload() instanceof RepatriationCompleted).count();
        assertThat(repatriations).isEqualTo(1);
    }

    @Test
    void organisationAndPrincipalComeFromTheTokenNeverTheBody() {
        Map<String, Object> report = new HashMap<>(Reports.escape(newCompound(), "ID", 1));
        report.put("organisation", "Someone Else");

        assertThat(stack.api.post("/api/v1/escapes", stack.coordinator, report).status()).isEqualTo(400);
        Reply ok = stack.api.post("/api/v1/escapes", stack.coordinator, Reports.escape(newCompound(), "ID", 1));
        String caseId = ok.json().get("caseIds").get(0).asText();
        CaseEvent event = caseEvents().stream().filter(e -> e.getMetadata().getAggregateId().equals(caseId)).findFirst().orElseThrow();
        assertThat(event.getMetadata().getOrganisation()).isEqualTo(IntakeStack.ORGANISATION);
        assertThat(event.getMetadata().getPrincipal()).startsWith("coordinator-");
    }

    @Test
    void unknownCaseIs404AndUnknownCompoundIs422() {
        Reply unknownCase = stack.api.post("/api/v1/cases/" + UUID.randomUUID() + "/repatriation", stack.coordinator, Reports.repatriation());
        Reply notAnId = stack.api.post("/api/v1/cases/not-an-id/repatriation", stack.coordinator, Reports.repatriation());
        Reply unknownCompound = stack.api.post("/api/v1/escapes", stack.coordinator, Reports.escape(UUID.randomUUID().toString(), "TH", 1));

        assertThat(unknownCase.status()).isEqualTo(404);
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(unknownCompound.status()).isEqualTo(422);
        assertThat(unknownCompound.json().get("persons").get(0).get("code").asText()).isEqualTo("UNKNOWN_COMPOUND");
    }

    @Test
    void erasureDestroysTheKeyAndIsRecorded() {
        Map<String, Object> report = Reports.escape(newCompound(), "MM", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) ((List<?>) report.get("persons")).get(0);
        person.put("personalData", Map.of("fullName", "To Be Erased"));
        String caseId = stack.api.post("/api/v1/escapes", stack.coordinator, report).json().get("caseIds").get(0).asText();

        assertThat(stack.api.delete("/api/v1/cases/" + caseId + "/personal-data", stack.coordinator).status()).isEqualTo(403);
        Reply erased = stack.api.delete("/api/v1/cases/" + caseId + "/personal-data", stack.admin);

        assertThat(erased.status()).as(erased.text()).isEqualTo(201);
        EscapeReported escape = (EscapeReported) caseEvents().stream()
                .filter(e -> e.getMetadata().getAggregateId().equals(caseId) && e.getPayload() instanceof EscapeReported)
                .findFirst().orElseThrow().getPayload();
        Opened opened = stack.context().getBean(PersonalDataCipher.class).open(escape.getPersonal(), caseId, stack.context().getBean(DataKeyStore.class));
        assertThat(opened).isInstanceOf(Opened.Erased.class);
        assertThat(caseEvents().stream().filter(e -> e.getMetadata().getAggregateId().equals(caseId))
                .map(e -> e.getPayload().getClass().getSimpleName())).contains("PersonalDataErased");
        assertThat(stack.api.delete("/api/v1/cases/" + caseId + "/personal-data", stack.admin).status()).as("a repeated erasure").isEqualTo(201);
    }

    private static List<Reply> concurrently(int n, Callable<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }
}
