package org.casetrack.platform.streams;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.schemas.topics.Topics;

/**
 * Production defaults for every casetrack Streams application, overridable per application under
 * {@code kafka.streams.<name>.*}: exactly_once_v2, one stream thread (these machines have 2 cores),
 * short commit interval and fetch waits (20 ms, docs/decisions/0012) so outcomes become visible
 * quickly, an explicit linger, tasks that never idle waiting for an input (0014), and undecodable
 * records to dead-letter topics, and RocksDB stores with filters for lookups that miss (0021).
 */
public final class StreamsProperties {
    private StreamsProperties() {
    }

    public static Properties of(String applicationId, KafkaSettings kafka, CasetrackSettings settings, Topics topics,
                                Map<String, Object> overrides) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 15);
        // A task processes whatever it has buffered without waiting for its other input partitions
        // (docs/decisions/0014): with any other value Kafka Streams 4.3 formats a log text for every
        // empty partition each time it asks a task whether it can process, logged or not.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.streamsStateDir().toString());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 20);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 2);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // Under transactions v2 a partition's first batch of each transaction must land before the
        // next; a pipelined batch is refused as retriable (KAFKA-18202). A 100 ms default backoff
        // then dominates latency: retry quickly instead.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), 200);
        p.put(StreamsConfig.topicPrefix("min.insync.replicas"), settings.minInsyncReplicas());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LookupFilters.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(DeadLetterHandler.TOPICS_CONFIG, topics.sources().stream().map(t -> t.name()).collect(Collectors.joining(",")));
        overrides.forEach((k, v) -> p.put(k, v.toString()));
        return p;
    }
}
