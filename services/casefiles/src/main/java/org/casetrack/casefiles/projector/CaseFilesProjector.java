package org.casetrack.casefiles.projector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrack.access.db.DatabaseException;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.casefiles.projector.ProjectorStatus.State;
import org.casetrack.casefiles.store.Batch;
import org.casetrack.casefiles.store.BatchWriter;
import org.casetrack.casefiles.store.DerivedDatabase;
import org.casetrack.casefiles.store.FencedException;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects case-events and compound-events into schema {@code derived}: a plain consumer (group
 * {@code <prefix>casefiles}, read_committed, no Kafka offset commits) whose position lives in
 * PostgreSQL. Newly assigned partitions stay paused until their stored offsets are read and sought;
 * each poll is applied as one fenced transaction ({@link BatchWriter}). When the transaction is
 * fenced or PostgreSQL fails, every partition is paused and sought again from the stored offsets
 * (after a growing wait, while the database is down), so nothing is skipped and nothing applied twice.
 */
public final class CaseFilesProjector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaseFilesProjector.class);

    private final CaseFilesSettings settings;
    private final DerivedDatabase database;
    private final BatchWriter writer;
    private final EventDecoder decoder;
    private final DeadLetters deadLetters;
    private final BatchObserver observer;
    private final Consumer<String, byte[]> consumer;
    private final PartitionPositions positions;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ProjectorCounters counters = new ProjectorCounters();
    private final Thread thread;

    public CaseFilesProjector(CaseFilesSettings settings, String bootstrapServers, Topics topics, TopicSerdes serdes,
                              DerivedDatabase database, BatchObserver observer) {
        this.settings = settings;
        this.database = database;
        this.writer = new BatchWriter(database.dataSource(), DerivedDatabase.SCHEMA);
        this.decoder = new EventDecoder(topics, serdes);
        this.observer = observer;
        String group = topics.prefix() + settings.groupId();
        this.deadLetters = new DeadLetters(bootstrapServers, group);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + UUID.randomUUID().toString().substring(0, 8),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.positions = new PartitionPositions(consumer);
        this.thread = new Thread(this::run, "casefiles-projector");
    }

    public CaseFilesProjector start() {
        thread.start();
        return this;
    }

    public ProjectorStatus status() {
        return counters.status();
    }

    /** Records in the assigned partitions that are not yet in PostgreSQL. */
    public long lag() {
        return counters.status().lag();
    }

    private void run() {
        consumer.subscribe(decoder.topics(), positions);
        Duration backoff = settings.retryBackoff();
        try {
            while (running.get()) {
                try {
                    seekUnsought();
                    ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        project(records);
                    }
                    counters.state(State.RUNNING);
                    backoff = settings.retryBackoff();
                } catch (FencedException e) {
                    counters.fenced();
                    LOG.info("Batch fenced: another projector moved the offsets of {}; seeking from the stored offsets", e.partitions());
                    positions.seekAllAgain();
                } catch (WakeupException | VirtualMachineError e) {
                    throw e;
                } catch (Exception | Error e) {
                    // any failure, even an Error a JDBC driver raises for a lost connection: retry from the stored offsets
                    counters.state(State.RETRYING);
                    // class names only: a driver's message can quote row values
                    LOG.warn("Projection paused, retrying in {} ms: {}", backoff.toMillis(), describe(e));
                    positions.seekAllAgain();
                    consumer.poll(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : backoff.multipliedBy(2);
                }
                counters.position(positions.sought(), positions.lag());
            }
        } catch (WakeupException e) {
            if (running.get()) {
                LOG.error("Projector woken up while running", e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close();
            counters.state(State.STOPPED);
        }
    }

    private void seekUnsought() {
        database.ensureMigrated();
        int sought = positions.seekUnsought(writer);
        if (sought > 0) {
            LOG.info("Projecting {} partition(s) from their stored offsets", sought);
        }
    }

    private void project(ConsumerRecords<String, byte[]> records) {
        EventDecoder.Decoded decoded = decoder.decode(records, positions.expected());
        Batch batch = decoded.batch();
        observer.beforeTransaction(batch);
        writer.apply(batch, rejected -> {
            List<Batch.Rejected> dead = new ArrayList<>(decoded.undecodable());
            dead.addAll(rejected);
            deadLetters.send(dead);
            observer.beforeCommit(batch);
        });
        positions.committed(batch);
        counters.committed(records.count());
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getName());
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            text.append(" caused by ").append(cause.getClass().getName());
        }
        if (e instanceof DatabaseException db) {
            text.append(" (SQLState ").append(db.sqlState()).append(')');
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
