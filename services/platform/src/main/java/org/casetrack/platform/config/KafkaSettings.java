package org.casetrack.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How to reach Kafka, under {@code kafka.*} (environment: KAFKA_BOOTSTRAP_SERVERS).
 */
@ConfigurationProperties("kafka")
public record KafkaSettings(@Bindable(defaultValue = "localhost:9092") String bootstrapServers) {
}
