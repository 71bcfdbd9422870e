package org.casetrack.bench.phases;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Kafka alone moving a person's records: the same records the write path moves for each person of a
 * report (the command, the event, the case's state on its changelog, the outcome), at the sizes just
 * measured on casetrack's own topics, through the same broker with the services' client settings and
 * nothing decided, sealed or stored ({@link PersonRecordsMain}, a child JVM). Its persons/s is the
 * floor's ceiling: what "persons accepted in reports of N" could reach on this machine if casetrack's
 * own work cost nothing.
 */
public final class PersonRecords {
    /** How many of the latest records of each partition the sizes are averaged over. */
    static final int SAMPLED_PER_PARTITION = 200;
    /** The pipeline's records carry a report number and a person number in their first 12 bytes. */
    static final int SMALLEST_RECORD = Long.BYTES + Integer.BYTES;
    private static final Pattern RESULT = Pattern.compile(PersonRecordsMain.RESULT
            + " persons=(\\d+) seconds=([\\d.]+) persons_per_second=([\\d.]+) machine_cores=([\\d.]+|NaN) unanswered_reports=(\\d+)");

    /** Average value sizes in bytes of the four records of a person. */
    public record Sizes(int command, int event, int state, int outcome) {
    }

    public record Result(Sizes sizes, int groupSize, int inFlight, long persons, double seconds, double personsPerSecond, double machineCores,
                         int unanswered) {
        /** Milliseconds of machine CPU a person took. */
        public double cpuMillisPerPerson() {
            return machineCores * 1000 / personsPerSecond;
        }
    }

    private final String bootstrapServers;
    private final String prefix;
    private final Admin admin;
    private final int partitions;
    private final PrintStream out;

    public PersonRecords(String bootstrapServers, String prefix, Admin admin, int partitions, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.prefix = prefix;
        this.admin = admin;
        this.partitions = partitions;
        this.out = out;
    }

    /**
     * The average value size of the latest committed records of each topic: what the write path just wrote.
     *
     * @param topics the commands, events, states (the case state's changelog) and outcomes, in that order
     */
    public Sizes measure(List<String> topics) {
        if (topics.size() != 4) {
            throw new IllegalArgumentException("Four topics: commands, events, states, outcomes");
        }
        int[] sizes = new int[4];
        for (int i = 0; i < 4; i++) {
            sizes[i] = averageValueSize(topics.get(i));
        }
        return new Sizes(sizes[0], sizes[1], sizes[2], sizes[3]);
    }

    private int averageValueSize(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(PersonRecordsMain.committedReader(bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(all);
            Map<TopicPartition, Long> left = new HashMap<>();
            for (TopicPartition p : all) {
                long from = Math.max(begins.get(p), ends.get(p) - SAMPLED_PER_PARTITION);
                consumer.seek(p, from);
                if (ends.get(p) > from) {
                    left.put(p, ends.get(p));
                }
            }
            long bytes = 0, records = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                var polled = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    if (r.value() != null) {
                        bytes += r.value().length;
                        records++;
                    }
                }
                left.keySet().removeIf(p -> consumer.position(p) >= left.get(p));
            }
            if (records == 0) {
                throw new IllegalStateException("No records on " + topic + " to measure");
            }
            return (int) Math.max(SMALLEST_RECORD, bytes / records);
        }
    }

    /** Runs the pipeline flat out for the warm-up and then the measured time, on topics of its own, deleted afterwards. */
    public Result run(Sizes sizes, int groupSize, int inFlight, Duration warmup, Duration measured) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String commands = prefix + "bench-person-commands-" + suffix, events = prefix + "bench-person-events-" + suffix,
                states = prefix + "bench-person-states-" + suffix, outcomes = prefix + "bench-person-outcomes-" + suffix;
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(commands, partitions, (short) 1));
        topics.add(new NewTopic(events, partitions, (short) 1));
        topics.add(new NewTopic(states, partitions, (short) 1).configs(Map.of("cleanup.policy", "compact")));
        topics.add(new NewTopic(outcomes, partitions, (short) 1));
        try {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the person-records topics", e);
        }
        out.printf(Locale.ROOT, "kafka alone, a person's records: command %d B, event %d B, state %d B, outcome %d B; reports of %d, "
                + "%d in flight%n", sizes.command(), sizes.event(), sizes.state(), sizes.outcome(), groupSize, inFlight);
        try {
            List<String> lines = ToolProcess.run(PersonRecordsMain.class.getName(), List.of(bootstrapServers, commands, events, states,
                    outcomes, Integer.toString(Math.max(SMALLEST_RECORD, sizes.command())), Integer.toString(sizes.event()),
                    Integer.toString(sizes.state()), Integer.toString(Math.max(SMALLEST_RECORD, sizes.outcome())), Integer.toString(groupSize),
                    Integer.toString(inFlight), Long.toString(warmup.toSeconds()), Long.toString(measured.toSeconds())),
                    warmup.plus(measured).plusMinutes(3), out);
            return parse(lines, sizes, groupSize, inFlight);
        } finally {
            try {
                admin.deleteTopics(List.of(commands, events, states, outcomes)).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("kafka alone, a person's records: could not delete its topics: " + e.getClass().getSimpleName());
            }
        }
    }

    static Result parse(List<String> lines, Sizes sizes, int groupSize, int inFlight) {
        for (String line : lines) {
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                return new Result(sizes, groupSize, inFlight, Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Integer.parseInt(m.group(5)));
            }
        }
        throw new IllegalStateException("The person-records pipeline printed no result line");
    }
}
