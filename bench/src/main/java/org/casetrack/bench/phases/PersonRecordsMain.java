package org.casetrack.bench.phases;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casetrack.bench.report.CpuMeter;

/**
 * The records casetrack's write path moves for one person, moved by Kafka's clients alone with nothing
 * decided, sealed or stored: the floor under "persons accepted in reports of N". Run as a child JVM by
 * {@link PersonRecords}; prints one {@code RESULT} line.
 *
 * <p>Three parts, set as the services set theirs:
 * <ul>
 *   <li>a sender, as intake: reports of N commands (one record each, keyed by a fresh case id) from an
 *       idempotent acks=all producer lingering 5 ms, at most {@code inFlight} reports unanswered;</li>
 *   <li>a relay, as the ledger: one thread that reads the commands (read_committed, 20 ms fetch waits)
 *       and for each one sends an event, a state record to a compacted topic and an outcome, in
 *       transactions committed every 15 ms with the consumed offsets (lingering 20 ms), as Kafka Streams
 *       does under exactly_once_v2;</li>
 *   <li>a reader, as intake's outcome listener: every outcome partition from the end, read_committed; a
 *       report is answered once its N outcomes are read.</li>
 * </ul>
 *
 * <p>usage: {@code PersonRecordsMain BOOTSTRAP COMMANDS EVENTS STATES OUTCOMES COMMAND_BYTES EVENT_BYTES
 * STATE_BYTES OUTCOME_BYTES GROUP_SIZE IN_FLIGHT WARMUP_SECONDS MEASURED_SECONDS}
 */
public final class PersonRecordsMain {
    static final String RESULT = "RESULT";
    private static final int COMMIT_INTERVAL_MS = 15;
    private static final Duration CLOSE = Duration.ofSeconds(5);

    private final String bootstrap;
    private final String commands, events, states, outcomes;
    private final int commandBytes, eventBytes, stateBytes, outcomeBytes, groupSize;
    private final Semaphore inFlight;
    private final Map<Long, AtomicInteger> open = new ConcurrentHashMap<>();
    private final AtomicLong persons = new AtomicLong();
    private volatile boolean sending = true;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private PersonRecordsMain(String[] a) {
        bootstrap = a[0];
        commands = a[1];
        events = a[2];
        states = a[3];
        outcomes = a[4];
        commandBytes = Integer.parseInt(a[5]);
        eventBytes = Integer.parseInt(a[6]);
        stateBytes = Integer.parseInt(a[7]);
        outcomeBytes = Integer.parseInt(a[8]);
        groupSize = Integer.parseInt(a[9]);
        inFlight = new Semaphore(Integer.parseInt(a[10]));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 13) {
            System.err.println("usage: PersonRecordsMain BOOTSTRAP COMMANDS EVENTS STATES OUTCOMES COMMAND_BYTES EVENT_BYTES STATE_BYTES "
                    + "OUTCOME_BYTES GROUP_SIZE IN_FLIGHT WARMUP_SECONDS MEASURED_SECONDS");
            System.exit(2);
        }
        PersonRecordsMain pipeline = new PersonRecordsMain(args);
        int status;
        try {
            status = pipeline.run(Duration.ofSeconds(Long.parseLong(args[11])), Duration.ofSeconds(Long.parseLong(args[12])));
        } catch (Exception e) {
            // its threads are not daemons: exit rather than leave them running
            System.out.println("failed: " + e + (e.getCause() == null ? "" : ", caused by " + e.getCause()));
            status = 1;
        }
        System.exit(status);
    }

    private int run(Duration warmup, Duration measured) throws Exception {
        KafkaConsumer<String, byte[]> reader = readerAtEnd();
        Thread readerThread = thread("reader", () -> read(reader));
        Thread relayThread = thread("relay", this::relay);
        Thread senderThread = thread("sender", this::send);
        System.out.printf(Locale.ROOT, "reports of %d persons flat out: %d s warm-up, then %d s measured%n", groupSize,
                warmup.toSeconds(), measured.toSeconds());
        sleepOrFail(warmup);
        CpuMeter.Snapshot machineAtStart = CpuMeter.snapshot();
        long personsAtStart = persons.get();
        long start = System.nanoTime();
        sleepOrFail(measured);
        long personsAtEnd = persons.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cores = CpuMeter.since(machineAtStart).machineCores();
        sending = false;
        senderThread.join(10_000);
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!open.isEmpty() && System.nanoTime() < drainUntil && failure == null) {
            Thread.sleep(50);
        }
        int unanswered = open.size();
        System.out.printf(Locale.ROOT, "stopped sending; %d reports unanswered after %.1f s%n", unanswered, (System.nanoTime() - start) / 1e9 - seconds);
        running = false;
        relayThread.join(30_000);
        readerThread.join(30_000);
        System.out.printf(Locale.ROOT, "closed after %.1f s%n", (System.nanoTime() - start) / 1e9 - seconds);
        if (failure != null) {
            System.out.println("failed: " + failure);
            return 1;
        }
        System.out.printf(Locale.ROOT, "%s persons=%d seconds=%.3f persons_per_second=%.1f machine_cores=%.3f unanswered_reports=%d%n",
                RESULT, personsAtEnd - personsAtStart, seconds, (personsAtEnd - personsAtStart) / seconds, cores, unanswered);
        return 0;
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure = e;
            }
        }, "person-records-" + name);
        t.start();
        return t;
    }

    private void sleepOrFail(Duration d) throws InterruptedException {
        long until = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < until) {
            if (failure != null) {
                throw new IllegalStateException("The pipeline failed", failure);
            }
            Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    /** As intake: a report's N commands sent at once, keyed by case id; at most {@code inFlight} reports unanswered. */
    private void send() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "person-records-sender");
        long report = 0;
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        try {
            while (sending && running) {
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                open.put(report, new AtomicInteger(groupSize));
                for (int person = 0; person < groupSize; person++) {
                    byte[] value = new byte[commandBytes];
                    ByteBuffer.wrap(value).putLong(report).putInt(person);
                    producer.send(new ProducerRecord<>(commands, UUID.randomUUID().toString(), value), (metadata, error) -> {
                        if (error != null) {
                            failure = error;
                        }
                    });
                }
                report++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(CLOSE);
        }
    }

    /**
     * As the ledger under exactly_once_v2: per command an event, a state record and an outcome, in a
     * transaction that also commits the consumed offsets, every 15 ms.
     */
    private void relay() {
        Properties c = committedReader(bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "person-records-relay-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "person-records-relay-" + UUID.randomUUID());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        try {
            consumer.subscribe(List.of(commands));
            producer.initTransactions();
            producer.beginTransaction();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            long lastCommit = System.nanoTime();
            while (running) {
                long sinceCommit = (System.nanoTime() - lastCommit) / 1_000_000;
                for (ConsumerRecord<String, byte[]> command : consumer.poll(Duration.ofMillis(Math.max(1, COMMIT_INTERVAL_MS - sinceCommit)))) {
                    producer.send(new ProducerRecord<>(events, command.key(), new byte[eventBytes]));
                    producer.send(new ProducerRecord<>(states, command.key(), new byte[stateBytes]));
                    byte[] outcome = new byte[outcomeBytes];
                    System.arraycopy(command.value(), 0, outcome, 0, Long.BYTES + Integer.BYTES);
                    producer.send(new ProducerRecord<>(outcomes, UUID.randomUUID().toString(), outcome));
                    offsets.put(new TopicPartition(command.topic(), command.partition()), new OffsetAndMetadata(command.offset() + 1));
                }
                if (!offsets.isEmpty() && System.nanoTime() - lastCommit >= TimeUnit.MILLISECONDS.toNanos(COMMIT_INTERVAL_MS)) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                    producer.beginTransaction();
                    offsets.clear();
                    lastCommit = System.nanoTime();
                }
            }
            producer.abortTransaction();
        } finally {
            producer.close(CLOSE);
            consumer.close(CLOSE);
        }
    }

    /** Every outcome partition, positioned at its end before anything is sent. */
    private KafkaConsumer<String, byte[]> readerAtEnd() {
        Properties c = committedReader(bootstrap);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(outcomes).stream().map(i -> new TopicPartition(outcomes, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** A consumer's settings that read committed records only and commit no offsets of their own. */
    static Properties committedReader(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return c;
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> outcome : consumer.poll(Duration.ofMillis(100))) {
                    long report = ByteBuffer.wrap(outcome.value()).getLong();
                    AtomicInteger left = open.get(report);
                    if (left != null && left.decrementAndGet() == 0) {
                        open.remove(report);
                        persons.addAndGet(groupSize);
                        inFlight.release();
                    }
                }
            }
        } finally {
            consumer.close(CLOSE);
        }
    }
}
