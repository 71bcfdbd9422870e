package org.casetrack.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry kept in a compacted Kafka topic (one partition), so that ids survive restarts
 * and the whole registry can be carried elsewhere by copying the topic. A background consumer tails
 * the topic; a registration is produced, then awaited until the tail has applied it.
 */
public final class EmbeddedSchemaRegistry extends LocalSchemaRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final TopicPartition partition;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Admin admin;
    private final Thread tail;
    private final Duration timeout;
    private final Object progress = new Object();
    private long applied = 0;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private EmbeddedSchemaRegistry(String bootstrapServers, String topic, Compatibility defaultLevel, Duration timeout) {
        super(defaultLevel);
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(producerProps(bootstrapServers), new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(consumerProps(bootstrapServers), new StringDeserializer(), new StringDeserializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.tail = new Thread(this::tailLoop, "schema-registry-tail");
        this.tail.setDaemon(true);
    }

    /**
     * Starts the registry on an existing topic and returns once everything in it has been read.
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String topic, Compatibility defaultLevel) {
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(bootstrapServers, topic, defaultLevel, Duration.ofSeconds(15));
        registry.consumer.assign(List.of(registry.partition));
        registry.consumer.seekToBeginning(List.of(registry.partition));
        long end = registry.consumer.endOffsets(List.of(registry.partition), registry.timeout).get(registry.partition);
        registry.tail.start();
        registry.awaitApplied(end);
        LOG.info("Schema registry started on topic {} with {} subjects", topic, registry.state.subjects().size());
        return registry;
    }

    private static Properties producerProps(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "casetrack-schema-registry");
        return p;
    }

    private static Properties consumerProps(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "casetrack-schema-registry-tail");
        return p;
    }

    private void tailLoop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    applied = position;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = new IllegalStateException("Schema registry tail woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("Schema registry stopped reading topic {}", topic, e);
        } finally {
            consumer.close();
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        try {
            if (key != null && key.startsWith("schema/") && record.value() != null) {
                JsonNode v = JSON.readTree(record.value());
                state.applySchema(v.get("subject").asText(), v.get("id").asInt(), new Schema.Parser().parse(v.get("schema").asText()));
            } else if (key != null && key.startsWith("config/")) {
                String subject = key.substring("config/".length());
                Compatibility level = record.value() == null ? null
                        : Compatibility.valueOf(JSON.readTree(record.value()).get("compatibility").asText());
                state.applyConfig(subject, level);
            } else {
                LOG.warn("Skipping unrecognised record at offset {} of {}", record.offset(), topic);
            }
        } catch (Exception e) {
            LOG.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), topic, e.toString());
        }
    }

    private void awaitApplied(long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (applied < offset) {
                if (failure != null) {
                    throw new RegistryUnavailableException("Schema registry cannot read topic " + topic, failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RegistryUnavailableException("Schema registry did not catch up with topic " + topic
                            + " within " + timeout.toSeconds() + " s", null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryUnavailableException("Interrupted while waiting for topic " + topic, e);
                }
            }
        }
    }

    /** Waits until everything written to the topic so far, by any registry, has been applied. */
    @Override
    protected void catchUp() {
        try {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
            awaitApplied(end);
        } catch (ExecutionException | TimeoutException e) {
            throw new RegistryUnavailableException("Cannot read the end of schema topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while reading schema topic " + topic, e);
        }
    }

    private long write(String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, 0, key, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException | TimeoutException e) {
            throw new RegistryUnavailableException("Cannot write to schema topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while writing to schema topic " + topic, e);
        }
    }

    @Override
    protected void persistSchema(String subject, int id, Schema schema) {
        long offset = write("schema/" + subject + "/" + id, json(Map.of("subject", subject, "id", id, "schema", schema.toString())));
        awaitApplied(offset + 1);
    }

    @Override
    protected void persistCompatibility(String subject, Compatibility level) {
        long offset = write("config/" + subject, json(Map.of("compatibility", level.name())));
        awaitApplied(offset + 1);
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write registry record", e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            tail.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
