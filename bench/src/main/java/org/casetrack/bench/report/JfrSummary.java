package org.casetrack.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went during the profiled intake load, from JFR's execution samples: by thread (Kafka Streams
 * threads of the ledger and views, the broker's request handlers, the HTTP event loops, the load
 * generator ...), by area of the code the sampled frame is in, and the hottest methods.
 */
public record JfrSummary(Path file, long samples, Map<String, Long> byThread, Map<String, Long> byArea, Map<String, Long> topMethods) {
    private static final int TOP = 12;

    public static JfrSummary of(Path recording) throws IOException {
        Map<String, Long> threads = new HashMap<>(), areas = new HashMap<>(), methods = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            samples++;
            RecordedThread thread = event.getThread("sampledThread");
            threads.merge(thread == null ? "?" : threadGroup(thread.getJavaName()), 1L, Long::sum);
            RecordedStackTrace stack = event.getStackTrace();
            if (stack != null && !stack.getFrames().isEmpty()) {
                RecordedFrame top = stack.getFrames().get(0);
                String type = top.getMethod().getType().getName();
                methods.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
                areas.merge(area(stack.getFrames()), 1L, Long::sum);
            }
        }
        return new JfrSummary(recording, samples, top(threads), top(areas), top(methods));
    }

    /** Thread names without their numbers, so a pool counts as one. */
    static String threadGroup(String name) {
        if (name == null) {
            return "?";
        }
        return name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>").replaceAll("\\d+", "#");
    }

    /** The area of the first frame that belongs to a known library; JDK frames count as the caller's. */
    static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String area = areaOf(type);
            if (area != null) {
                return area;
            }
        }
        return "JDK (no library frame)";
    }

    private static String areaOf(String type) {
        if (type.startsWith("org.casetrack.bench.") || type.startsWith("jdk.internal.net.http.")) {
            return "load generator (bench, JDK HTTP client)";
        }
        if (type.startsWith("org.casetrack.")) {
            return "casetrack code";
        }
        if (type.startsWith("org.apache.kafka.streams.") || type.startsWith("org.rocksdb.")) {
            return "Kafka Streams and RocksDB";
        }
        if (type.startsWith("org.apache.kafka.clients.") || type.startsWith("org.apache.kafka.common.")) {
            return "Kafka clients";
        }
        if (type.startsWith("kafka.") || type.startsWith("org.apache.kafka.")) {
            return "Kafka broker";
        }
        if (type.startsWith("io.netty.") || type.startsWith("io.micronaut.") || type.startsWith("reactor.")) {
            return "Micronaut and Netty (HTTP server)";
        }
        if (type.startsWith("org.apache.avro.")) {
            return "Avro";
        }
        if (type.startsWith("com.fasterxml.")) {
            return "Jackson";
        }
        if (type.startsWith("org.postgresql.") || type.startsWith("com.zaxxer.")) {
            return "PostgreSQL driver and pool";
        }
        if (type.startsWith("com.sun.crypto.") || type.startsWith("javax.crypto.") || type.startsWith("sun.security.")) {
            return "crypto (AES-GCM, SHA)";
        }
        if (type.startsWith("ch.qos.logback.") || type.startsWith("org.slf4j.")) {
            return "logging";
        }
        return null;
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
