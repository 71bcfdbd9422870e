package org.casetrack.bench.report;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world collections of this JVM as they happen (G1's young, mixed and full collections;
 * on Java 17 G1's remark and cleanup pauses are not reported), so a phase can tell how many it had,
 * how long they took together and the longest. Listens from the first use on.
 */
final class GcPauses {
    /** One collection: when it was seen and how long it took. */
    record Pause(long seenAtNanos, long millis) {
    }

    private static final GcPauses INSTANCE = new GcPauses();

    private final List<Pause> pauses = new ArrayList<>();

    private GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        record(new Pause(System.nanoTime(), info.getGcInfo().getDuration()));
                    }
                }, null, null);
            }
        }
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
