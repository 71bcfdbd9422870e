package org.casetrack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.platform.streams.LookupFilters;

/**
 * Kafka Streams' RocksDB key-value store opened with Kafka Streams' own options and with casetrack's
 * {@link LookupFilters}, side by side in one process: new keys (a lookup that misses, then a write,
 * as the ledger does for every escape) and lookups of keys present. Rounds alternate between the two
 * stores and the first round of each kind is not counted.
 *
 * <p>usage: {@code bench/store-lookups [KEYS]} (default 800,000 keys of 600-byte values)
 */
public final class StoreLookups {
    static final int VALUE_BYTES = 600;
    static final int ROUNDS = 8;
    private static final String STORE = "cases";
    private static final String FOUND = "found";
    private static final String[] NAMES = {"Kafka Streams' options", "with LookupFilters"};

    /** Nanoseconds spent and keys found, per store; index 0 is Kafka Streams' options, 1 LookupFilters. */
    record Result(long[] newKeyNanos, long[] newKeysFound, long newKeysTimed, long[] hitNanos, long[] hitsFound, long hitsTimed) {
        double microsPerNewKey(int store) {
            return newKeyNanos[store] / 1e3 / newKeysTimed;
        }

        double microsPerHit(int store) {
            return hitNanos[store] / 1e3 / hitsTimed;
        }
    }

    private StoreLookups() {
    }

    public static void main(String[] args) throws IOException {
        int keys = 800_000;
        if (args.length > 0) {
            try {
                keys = Integer.parseInt(args[0].replace(",", "").replace("_", ""));
            } catch (NumberFormatException e) {
                keys = -1;
            }
        }
        if (args.length > 1 || keys < ROUNDS) {
            System.err.println("usage: bench/store-lookups [KEYS], KEYS a whole number from " + ROUNDS + " (default 800,000)");
            System.exit(2);
        }
        Result r = run(keys, System.out);
        System.out.printf("%nnew keys (a lookup that misses, then a write), rounds 2-%d:%n", ROUNDS);
        System.out.printf("  Kafka Streams' options   %6.2f µs a key%n", r.microsPerNewKey(0));
        System.out.printf("  with LookupFilters       %6.2f µs a key (%.2f of Kafka Streams')%n", r.microsPerNewKey(1),
                r.microsPerNewKey(1) / r.microsPerNewKey(0));
        System.out.printf("  new keys found already: %d and %d (of %,d each)%n", r.newKeysFound()[0], r.newKeysFound()[1],
                r.newKeysTimed() / (ROUNDS - 1) * ROUNDS);
        System.out.printf("lookups of keys present, rounds 2-%d:%n", ROUNDS);
        System.out.printf("  Kafka Streams' options   %6.2f µs a lookup%n", r.microsPerHit(0));
        System.out.printf("  with LookupFilters       %6.2f µs a lookup (%.2f of Kafka Streams')%n", r.microsPerHit(1),
                r.microsPerHit(1) / r.microsPerHit(0));
        System.out.printf("  keys found: %,d and %,d (of %,d each)%n", r.hitsFound()[0], r.hitsFound()[1], r.hitsTimed());
    }

    static Result run(int keys, PrintStream progress) throws IOException {
        Path dir = Files.createTempDirectory("store-lookups");
        int perRound = keys / ROUNDS;
        long[] newNanos = new long[2];
        long[] newFound = new long[2];
        long[] hitNanos = new long[2];
        long[] hitFound = new long[2];
        try (TopologyTestDriver streams = new TopologyTestDriver(topology(), properties(dir.resolve("streams-options"), false));
             TopologyTestDriver filtered = new TopologyTestDriver(topology(), properties(dir.resolve("lookup-filters"), true))) {
            TopologyTestDriver[] drivers = {streams, filtered};
            progress.printf("store-lookups: %,d new keys of %d bytes into each store, in %d rounds%n", perRound * ROUNDS, VALUE_BYTES, ROUNDS);
            for (int round = 0; round < ROUNDS; round++) {
                for (int turn = 0; turn < 2; turn++) {
                    int which = round % 2 == 0 ? turn : 1 - turn;
                    Timed t = work(drivers[which], "new", (long) round * perRound, perRound);
                    if (round > 0) {
                        newNanos[which] += t.nanos();
                    }
                    newFound[which] += t.found();
                    progress.printf("  round %d %-24s %6.2f µs a new key%n", round + 1, NAMES[which], t.nanos() / 1e3 / perRound);
                }
            }
            int lookups = Math.max(1, keys / 8);
            for (int round = 0; round < ROUNDS; round++) {
                for (int turn = 0; turn < 2; turn++) {
                    int which = round % 2 == 0 ? turn : 1 - turn;
                    Timed t = work(drivers[which], "hit", round, lookups);
                    if (round > 0) {
                        hitNanos[which] += t.nanos();
                        hitFound[which] += t.found();
                    }
                    progress.printf("  round %d %-24s %6.2f µs a lookup of a key present%n", round + 1, NAMES[which], t.nanos() / 1e3 / lookups);
                }
            }
            return new Result(newNanos, newFound, (long) perRound * (ROUNDS - 1), hitNanos, hitFound, (long) lookups * (ROUNDS - 1));
        } finally {
            DevStackExtension.deleteRecursively(dir);
        }
    }

    private record Timed(long nanos, long found) {
    }

    /** One record asks the processor for the whole round, so the driver's own work per record does not count. */
    private static Timed work(TopologyTestDriver driver, String kind, long from, long count) {
        TestInputTopic<String, Long> in = driver.createInputTopic(kind, new StringSerializer(), new LongSerializer());
        long started = System.nanoTime();
        in.pipeInput(Long.toString(from), count);
        long nanos = System.nanoTime() - started;
        KeyValueStore<String, Long> found = driver.getKeyValueStore(FOUND);
        return new Timed(nanos, found.get(kind));
    }

    private static Properties properties(Path stateDir, boolean filters) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "store-lookups");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        if (filters) {
            p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LookupFilters.class);
        }
        return p;
    }

    private static Topology topology() {
        Topology topology = new Topology();
        topology.addSource("new", new StringDeserializer(), new LongDeserializer(), "new");
        topology.addSource("hit", new StringDeserializer(), new LongDeserializer(), "hit");
        topology.addProcessor("work", Work::new, "new", "hit");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled(), "work");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FOUND), Serdes.String(), Serdes.Long())
                .withLoggingDisabled(), "work");
        return topology;
    }

    /** Case ids as intake makes them: name-based UUIDs in text. */
    static String caseId(long n) {
        return UUID.nameUUIDFromBytes(("case-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static final class Work implements Processor<String, Long, Void, Void> {
        private final byte[] value = new byte[VALUE_BYTES];
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, byte[]> cases;
        private KeyValueStore<String, Long> found;
        private long written;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.cases = context.getStateStore(STORE);
            this.found = context.getStateStore(FOUND);
            new Random(1).nextBytes(value);
        }

        @Override
        public void process(Record<String, Long> record) {
            long from = Long.parseLong(record.key());
            long count = record.value();
            String kind = context.recordMetadata().orElseThrow().topic();
            long hits = 0;
            if (kind.equals("new")) {
                for (long n = from; n < from + count; n++) {
                    String id = caseId(n);
                    if (cases.get(id) != null) {
                        hits++;
                    }
                    cases.put(id, value);
                }
                written = Math.max(written, from + count);
            } else {
                Random pick = new Random(from);
                for (long i = 0; i < count; i++) {
                    if (cases.get(caseId((long) (pick.nextDouble() * written))) != null) {
                        hits++;
                    }
                }
            }
            found.put(kind, hits);
        }
    }
}
