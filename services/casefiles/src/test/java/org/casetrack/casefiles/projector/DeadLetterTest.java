package org.casetrack.casefiles.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casetrack.avro.ReferralMade;
import org.casetrack.avro.ServiceType;
import org.casetrack.casefiles.support.CaseScript;
import org.casetrack.casefiles.support.DerivedRows;
import org.casetrack.casefiles.support.EventLog;
import org.casetrack.casefiles.support.Pools;
import org.casetrack.casefiles.support.ProjectorFixture;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.casetrack.platform.streams.DeadLetterHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records the projector cannot use go to the source's dead-letter topic with the error in headers; projection goes on. */
@ExtendWith(DevStackExtension.class)
class DeadLetterTest {

    @Test
    void undecodableAndInapplicableRecordsGoToTheDeadLettersAndProjectionContinues(TestScope scope) {
        scope.provisionTopics();
        String caseTopic = scope.topics().caseEvents().name();
        CaseScript orphan = CaseScript.of(CaseScript.OPAQUE).escaped("TH", LocalDate.of(2026, 1, 3), null)
                .then(ReferralMade.newBuilder().setService(ServiceType.LEGAL).setTo("Legal aid").setReferredOn(LocalDate.of(2026, 1, 4)).build());
        CaseScript good = CaseScript.of(CaseScript.OPAQUE).escaped("KH", LocalDate.of(2026, 1, 5), null);
        try (EventLog log = new EventLog(scope.bootstrapServers(), scope.topics(), ProjectorFixture.serdes(scope));
             HikariDataSource pool = Pools.pool(scope.jdbcUrl());
             CaseFilesProjector projector = ProjectorFixture.projector(scope, ProjectorFixture.QUICK, pool, BatchObserver.NONE)) {
            log.writeRaw(caseTopic, "poison", "not avro".getBytes(StandardCharsets.UTF_8));
            log.write(List.of(orphan.events().get(1)));
            log.write(good.events());
            DerivedRows rows = new DerivedRows(pool);

            await().atMost(Duration.ofSeconds(60)).until(() -> rows.countIfExists("derived.cases") == 1);
            List<ConsumerRecord<String, byte[]>> dead = EventLog.readAll(scope.bootstrapServers(), caseTopic + "-dlq");

            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("poison", orphan.caseId());
            ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> r.key().equals("poison")).findFirst().orElseThrow();
            assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
            assertThat(header(poison, "source.topic")).isEqualTo(caseTopic);
            assertThat(header(poison, "exception")).contains("SerializationException");
            ConsumerRecord<String, byte[]> inapplicable = dead.stream().filter(r -> r.key().equals(orphan.caseId())).findFirst().orElseThrow();
            assertThat(header(inapplicable, "exception")).endsWith("UnknownCaseException");
            assertThat(rows.query("SELECT case_id FROM derived.cases", rs -> rs.getString(1))).containsExactly(good.caseId());
            await().atMost(Duration.ofSeconds(30)).until(() -> projector.lag() == 0);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(DeadLetterHandler.HEADER_PREFIX + name).value(), StandardCharsets.UTF_8);
    }
}
