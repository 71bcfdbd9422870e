package org.casetrack.bench.report;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world pauses of this JVM's collector as they happen, so a phase can tell how many it
 * had, how long they took together and the longest. G1 reports its young, mixed and full collections
 * (not its remark and cleanup pauses); ZGC and Shenandoah report their pauses on a bean of their own,
 * and the beans of concurrent work ("... Cycles", "G1 Concurrent GC") are left out: their durations
 * are not pauses. Listens from the first use on.
 */
final class GcPauses {
    /** One collection: when it was seen and how long it took. */
    record Pause(long seenAtNanos, long millis) {
    }

    private static final GcPauses INSTANCE = new GcPauses();

    private final List<Pause> pauses = new ArrayList<>();

    private GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter && isPauses(bean.getName())) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        record(new Pause(System.nanoTime(), info.getGcInfo().getDuration()));
                    }
                }, null, null);
            }
        }
    }

    static boolean isPauses(String collector) {
        return !collector.contains("Cycles") && !collector.contains("Concurrent");
    }

    static GcPauses get() {
        return INSTANCE;
    }

    private synchronized void record(Pause pause) {
        pauses.add(pause);
    }

    /** How many pauses have been seen so far: a phase's starting mark. */
    synchronized int mark() {
        return pauses.size();
    }

    /** The pauses seen since the mark. */
    synchronized List<Pause> since(int mark) {
        return List.copyOf(pauses.subList(Math.min(mark, pauses.size()), pauses.size()));
    }
}
