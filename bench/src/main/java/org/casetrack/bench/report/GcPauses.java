package org.casetrack.bench.report;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
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
    private static final GcPauses INSTANCE = new GcPauses();

    /** Each pause's length in milliseconds, in the order they were reported. */
    private final List<Long> pauses = new ArrayList<>();

    private GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter && isPauses(bean.getName())) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        record(info.getGcInfo().getDuration());
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

    private synchronized void record(long millis) {
        pauses.add(millis);
    }

    /** How many pauses have been seen so far: a phase's starting mark. */
    synchronized int mark() {
        return pauses.size();
    }

    /** The pauses seen since the mark: how many, how long in all, the longest (ms). */
    synchronized LongSummaryStatistics since(int mark) {
        return pauses.subList(Math.min(mark, pauses.size()), pauses.size()).stream().mapToLong(Long::longValue).summaryStatistics();
    }
}
