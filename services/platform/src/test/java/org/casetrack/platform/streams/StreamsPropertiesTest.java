package org.casetrack.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

/** The defaults every Streams application starts from, and the per-application overrides over them. */
class StreamsPropertiesTest {
    static final KafkaSettings KAFKA = new KafkaSettings("localhost:9092");
    static final CasetrackSettings CASETRACK = new CasetrackSettings("", 6, (short) 1, 1, true, "Asia/Phnom_Penh", "./data");

    @Test
    void tasksNeverIdleWaitingForAnInputAndRunExactlyOnce() {
        Properties p = StreamsProperties.of("app", KAFKA, CASETRACK, Topics.DEFAULT, Map.of());

        assertThat(p.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(-1L);
        assertThat(new StreamsConfig(p).getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(-1L);
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void anApplicationsOverridesWin() {
        Properties p = StreamsProperties.of("app", KAFKA, CASETRACK, Topics.DEFAULT,
                Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100));

        StreamsConfig config = new StreamsConfig(p);
        assertThat(config.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isZero();
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
    }
}
