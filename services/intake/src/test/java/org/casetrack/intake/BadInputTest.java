package org.casetrack.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casetrack.devstack.ApiClient.Reply;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of bad input gets its code and a problem naming the fields, and writes nothing. */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private TestScope scope;
    private IntakeStack stack;
    private String compoundId;
    private String caseId;

    @BeforeAll
    void start(TestScope scope) {
        this.scope = scope;
        this.stack = IntakeStack.start(scope);
        compoundId = stack.api.post("/api/v1/compounds", stack.coordinator, Reports.compound("Bad input compound")).json().get("compoundId").asText();
        caseId = stack.api.post("/api/v1/escapes", stack.coordinator, Reports.escape(compoundId, "TH", 1)).json().get("caseIds").get(0).asText();
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    private long eventCount() {
        return TopicReader.raw(scope.bootstrapServers(), scope.topics().caseEvents().name()).size()
                + TopicReader.raw(scope.bootstrapServers(), scope.topics().compoundEvents().name()).size();
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = reply.json().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field").asText()));
        }
        return fields;
    }

    @Test
    void badInputIsRefusedWithTheRightCodeAndWritesNothing() {
        long before = eventCount();
        String future = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(2).toString();
        Map<String, Object> wrongTypes = new HashMap<>(Reports.escape(compoundId, "TH", 1));
        wrongTypes.put("occurredOn", 20260117);
        wrongTypes.put("compoundUnknown", "no");
        Map<String, Object> unknownEnum = new HashMap<>(Reports.escape(compoundId, "TH", 1));
        unknownEnum.put("circumstance", "TELEPORTED");
        Map<String, Object> futureDate = new HashMap<>(Reports.escape(compoundId, "TH", 1));
        futureDate.put("occurredOn", future);
        Map<String, Object> impossibleDate = new HashMap<>(Reports.escape(compoundId, "TH", 1));
        impossibleDate.put("occurredOn", "2026-02-30");
        Map<String, Object> badCountry = Reports.escape(compoundId, "Thailand", 1);
        Map<String, Object> missing = new HashMap<>(Reports.escape(compoundId, "TH", 1));
        missing.remove("circumstance");
        missing.remove("occurredOn");
        Map<String, Object> unknownField = new HashMap<>(Reports.escape(compoundId, "TH", 1));
        unknownField.put("passportScan", "...");

        Reply malformed = stack.api.post("/api/v1/escapes", stack.coordinator, "{\"persons\": [");
        Reply types = stack.api.post("/api/v1/escapes", stack.coordinator, wrongTypes);
        Reply enums = stack.api.post("/api/v1/escapes", stack.coordinator, unknownEnum);
        Reply futures = stack.api.post("/api/v1/escapes", stack.coordinator, futureDate);
        Reply impossible = stack.api.post("/api/v1/escapes", stack.coordinator, impossibleDate);
        Reply country = stack.api.post("/api/v1/escapes", stack.coordinator, badCountry);
        Reply absent = stack.api.post("/api/v1/escapes", stack.coordinator, missing);
        Reply unknown = stack.api.post("/api/v1/escapes", stack.coordinator, unknownField);
        Reply noPersons = stack.api.post("/api/v1/escapes", stack.coordinator, Reports.escape(compoundId, "TH", 0));
        Reply huge = stack.api.postBytes("/api/v1/escapes", stack.coordinator, new byte[2 * 1024 * 1024]);
        Reply unknownCase = stack.api.post("/api/v1/cases/" + UUID.randomUUID() + "/arrest", stack.coordinator,
                Map.of("arrestedOn", "2026-01-20", "country", "TH", "detentionType", "CRIMINAL", "relatedToTrafficking", "NO"));
        Reply badRepatriation = stack.api.post("/api/v1/cases/" + caseId + "/repatriation", stack.coordinator,
                Map.of("repatriatedOn", "yesterday", "destinationCountry", "ZZ", "mode", "WALKED"));
        Reply badHeadcount = stack.api.post("/api/v1/compounds/" + compoundId + "/headcounts", stack.coordinator,
                Map.of("reportedOn", "2026-01-10", "min", 300, "max", 200));
        Reply longKey = stack.api.post("/api/v1/escapes", stack.coordinator, "k".repeat(201), Reports.escape(compoundId, "TH", 1));
        Reply noToken = stack.api.post("/api/v1/escapes", null, Reports.escape(compoundId, "TH", 1));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(types.status()).isEqualTo(400);
        assertThat(fields(types)).contains("occurredOn", "compoundUnknown");
        assertThat(enums.status()).isEqualTo(400);
        assertThat(fields(enums)).containsExactly("circumstance");
        assertThat(futures.status()).isEqualTo(400);
        assertThat(fields(futures)).containsExactly("occurredOn");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(country.status()).isEqualTo(400);
        assertThat(fields(country)).containsExactly("persons[0].nationality");
        assertThat(absent.status()).isEqualTo(400);
        assertThat(fields(absent)).contains("circumstance", "occurredOn");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("passportScan");
        assertThat(noPersons.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(unknownCase.status()).isEqualTo(404);
        assertThat(badRepatriation.status()).isEqualTo(400);
        assertThat(fields(badRepatriation)).contains("repatriatedOn", "destinationCountry", "mode");
        assertThat(badHeadcount.status()).isEqualTo(400);
        assertThat(longKey.status()).isEqualTo(400);
        assertThat(noToken.status()).isEqualTo(401);
        for (Reply r : List.of(malformed, types, enums, futures, country, absent, unknown, huge, unknownCase, badRepatriation, noToken)) {
            assertThat(r.header("Content-Type").orElse("")).as(r.text()).startsWith("application/problem+json");
        }
        assertThat(eventCount()).as("no event was written").isEqualTo(before);
    }

    @Test
    void problemsNeverEchoTheValuesSent() {
        Map<String, Object> report = Reports.escape(compoundId, "TH", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) ((List<?>) report.get("persons")).get(0);
        person.put("personalData", Map.of("fullName", 12345, "birthDate", "Somchai-was-born-1990"));

        Reply reply = stack.api.post("/api/v1/escapes", stack.coordinator, report);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply)).contains("persons[0].personalData.fullName", "persons[0].personalData.birthDate");
        assertThat(reply.text()).doesNotContain("Somchai").doesNotContain("12345");
    }

    @Test
    void minorFlagMustAgreeWithTheAgeBand() {
        Map<String, Object> report = Reports.escape(compoundId, "VN", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) ((List<?>) report.get("persons")).get(0);
        person.put("ageBand", "12-17");
        person.put("minor", false);

        Reply reply = stack.api.post("/api/v1/escapes", stack.coordinator, report);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply)).containsExactly("persons[0].minor");
    }
}
