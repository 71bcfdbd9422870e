package org.casetrack.feeds.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.casetrack.avro.FeedEntry;
import org.casetrack.avro.ServiceType;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.feeds.support.CaseEvents;
import org.casetrack.feeds.support.FeedsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stock non-Java client (Debian's python3-confluent-kafka and python3-avro, a plain Consumer, the
 * schema fetched by id from the registry's REST) reads embassy-feed-th from the real broker and
 * decodes every record. The service registers its schemas in the shared registry behind that REST.
 */
@ExtendWith(DevStackExtension.class)
class StockPythonClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pythonClientDecodesEveryRecordOfTheThaiFeed(TestScope scope) throws Exception {
        Map<String, Object> remoteRegistry = Map.of("schema-registry.url", scope.stack().registryUrl(),
                "schema-registry.authorization", "Bearer " + DevStackExtension.ADMIN_TOKEN, "schema-registry.auto-register", true);
        CaseEvents events = new CaseEvents();
        String first = CaseEvents.newCaseId();
        String second = CaseEvents.newCaseId();
        String refused = CaseEvents.newCaseId();
        String vietnamese = CaseEvents.newCaseId();
        String topic;
        List<String> output;
        try (FeedsServer feeds = FeedsServer.start(scope, remoteRegistry)) {
            topic = feeds.topics().embassyFeedName("TH");
            feeds.publish(events.escape(first, "TH"), events.consent(first, "embassy:TH", true, null),
                    events.escape(refused, "TH"), events.referral(refused, ServiceType.SHELTER),
                    events.escape(vietnamese, "VN"), events.consent(vietnamese, "embassy:VN", true, null),
                    events.referral(first, ServiceType.MEDICAL), events.arrest(first),
                    events.escape(second, "TH"), events.consent(second, "embassy:TH", true, null, false, List.of()),
                    events.scheduled(first), events.repatriated(second));
            output = runPython(scope, topic, 5);
        }

        assertThat(output).last().isEqualTo("DONE 5");
        List<JsonNode> records = new ArrayList<>();
        for (String line : output.subList(0, output.size() - 1)) {
            records.add(JSON.readTree(line));
        }
        // one case's records keep their order; cases on different case-events partitions interleave freely
        assertThat(records).extracting(r -> r.get("value").get("eventType").asText()).containsExactlyInAnyOrder(
                "ConsentRecorded", "ReferralMade", "ConsentRecorded", "RepatriationScheduled", "RepatriationCompleted");
        assertThat(typesOf(records, first)).containsExactly("ConsentRecorded", "ReferralMade", "RepatriationScheduled");
        assertThat(typesOf(records, second)).containsExactly("ConsentRecorded", "RepatriationCompleted");
        // offsets climb with gaps: the topology writes in transactions, whose markers take offsets too
        assertThat(records).extracting(r -> r.get("offset").asLong()).isSorted().doesNotHaveDuplicates();
        JsonNode referral = valueOf(records, first, "ReferralMade");
        assertThat(referral.get("needsCategory").asText()).isEqualTo("MEDICAL");
        assertThat(referral.get("nationality").asText()).isEqualTo("TH");
        assertThat(referral.get("compoundId").asText()).isEqualTo("compound-gwp");
        assertThat(referral.get("eventDate").asText()).isEqualTo(CaseEvents.ESCAPED_ON.plusDays(2).toString());
        assertThat(referral.get("personalDataAvailable").asBoolean()).isTrue();
        assertThat(valueOf(records, second, "ConsentRecorded").get("personalDataAvailable").asBoolean()).isFalse();
        assertThat(valueOf(records, second, "RepatriationCompleted").get("lifecycle").asText()).isEqualTo("REPATRIATED");
        TreeSet<String> fields = new TreeSet<>();
        records.get(0).get("value").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(
                FeedEntry.getClassSchema().getFields().stream().map(f -> f.name()).toList());
        assertThat(records).extracting(r -> r.get("schemaId").asInt()).containsOnly(
                scope.stack().registry().lookup(topic + "-value", FeedEntry.getClassSchema()).orElseThrow());
    }

    private static List<String> typesOf(List<JsonNode> records, String caseId) {
        return records.stream().filter(r -> r.get("key").asText().equals(caseId)).map(r -> r.get("value").get("eventType").asText()).toList();
    }

    private static JsonNode valueOf(List<JsonNode> records, String caseId, String type) {
        return records.stream().filter(r -> r.get("key").asText().equals(caseId) && r.get("value").get("eventType").asText().equals(type))
                .findFirst().orElseThrow().get("value");
    }

    private static List<String> runPython(TestScope scope, String topic, int expected) throws IOException, InterruptedException {
        Path script = Files.createTempFile("read_feed", ".py");
        try (InputStream in = StockPythonClientTest.class.getResourceAsStream("/python/read_feed.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), scope.bootstrapServers(), topic,
                scope.stack().registryUrl(), Integer.toString(expected), "60").redirectErrorStream(false).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(stderr, StandardCharsets.UTF_8)).isZero();
        Files.deleteIfExists(script);
        return new String(stdout, StandardCharsets.UTF_8).lines().toList();
    }
}
