package org.casetrack.casefiles.projector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.casefiles.store.Batch;
import org.casetrack.casefiles.store.BatchWriter;

/**
 * One of the rebuild's readers: reads its share of the partitions from their beginning to the end
 * offsets taken when the rebuild started and applies each poll as one batch, then writes the cases its
 * writer still holds. Every aggregate lives in one partition, so readers of different partitions never
 * touch the same rows.
 */
final class RebuildReader implements Callable<Void> {
    private final CaseFilesSettings settings;
    private final String bootstrapServers;
    private final String clientId;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> end;
    private final EventDecoder decoder;
    private final BatchWriter writer;
    private final AtomicLong read;
    private final AtomicLong skipped;

    RebuildReader(CaseFilesSettings settings, String bootstrapServers, String clientId, List<TopicPartition> partitions,
                  Map<TopicPartition, Long> end, EventDecoder decoder, BatchWriter writer, AtomicLong read, AtomicLong skipped) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.partitions = List.copyOf(partitions);
        this.end = end;
        this.decoder = decoder;
        this.writer = writer;
        this.read = read;
        this.skipped = skipped;
    }

    @Override
    public Void call() {
        try (Consumer<String, byte[]> consumer = consumer()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> expected = new HashMap<>(writer.claim(partitions));
            while (!Thread.currentThread().isInterrupted() && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                EventDecoder.Decoded decoded = decoder.decode(records, expected);
                List<Batch.Rejected> rejected = writer.apply(decoded.batch(), r -> { });
                decoded.batch().fences().forEach(f -> expected.put(f.partition(), f.next()));
                read.addAndGet(records.count());
                skipped.addAndGet(decoded.undecodable().size() + rejected.size());
            }
            if (!Thread.currentThread().isInterrupted()) {
                writer.finish();
            }
        }
        return null;
    }

    private Consumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.rebuildBatchRecords(),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
