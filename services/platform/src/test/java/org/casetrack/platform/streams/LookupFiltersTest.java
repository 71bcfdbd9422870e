package org.casetrack.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
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
import org.casetrack.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every application's RocksDB stores keep a filter on each level and on the memtable. */
class LookupFiltersTest {
    private static final String STORE = "cases";

    @TempDir
    Path stateDir;

    @Test
    void aStoreOpenedWithTheDefaultsKeepsItsFiltersForMisses() throws IOException {
        Properties p = StreamsProperties.of("lookup-filters", StreamsPropertiesTest.KAFKA, StreamsPropertiesTest.CASETRACK, Topics.DEFAULT,
                Map.of(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));

        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), p)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            in.pipeInput("case-1", "opened");
            in.pipeInput("case-2", "opened");

            KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);
            assertThat(store.get("case-1")).isEqualTo("opened");
            assertThat(store.get("case-3")).isNull();
            assertThat(dataColumnFamily(STORE)).contains("optimize_filters_for_hits=false", "memtable_whole_key_filtering=true",
                    "memtable_prefix_bloom_size_ratio=0.010000");
        }
    }

    @Test
    void anApplicationMayNameItsOwnSetter() {
        Properties p = StreamsProperties.of("app", StreamsPropertiesTest.KAFKA, StreamsPropertiesTest.CASETRACK, Topics.DEFAULT,
                Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "org.example.Other"));

        assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo("org.example.Other");
    }

    /**
     * The options of the store's records (column family "default"; Kafka Streams keeps its offsets in
     * another), from the OPTIONS file RocksDB writes in the store's directory when it opens it.
     */
    private List<String> dataColumnFamily(String store) throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            Path file = files.filter(f -> f.getParent().getFileName().toString().equals(store)
                    && f.getFileName().toString().startsWith("OPTIONS-")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(file).stream().map(String::strip).toList();
            int start = lines.indexOf("[CFOptions \"default\"]");
            assertThat(start).as("the default column family's section").isNotNegative();
            List<String> rest = lines.subList(start + 1, lines.size());
            return rest.stream().takeWhile(l -> !l.startsWith("[")).toList();
        }
    }

    private static Topology topology() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("keep", Keep::new, "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String()), "keep");
        return topology;
    }

    private static final class Keep implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            if (store.get(record.key()) == null) {
                store.put(record.key(), record.value());
            }
        }
    }
}
