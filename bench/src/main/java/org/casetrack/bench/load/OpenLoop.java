package org.casetrack.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.casetrack.bench.report.CpuMeter;

/**
 * Runs calls for a while, either on a fixed schedule or as fast as a number of workers can.
 *
 * <p>Fixed rate is open loop: call i is due at start + i / rate whatever happened before it, and its
 * latency is measured from that due time, not from when a worker got round to sending it. So a stall
 * of the system under test counts against every call it held back (coordinated omission corrected),
 * as long as there are more workers than calls in flight at the rate. Calls still unsent when the
 * phase ends are counted as missed, with the time they waited recorded.
 */
public final class OpenLoop {
    private static final long HIGHEST_MICROS = Duration.ofMinutes(30).toNanos() / 1000;

    private final String name;
    private final int workers;
    private final IntPredicate success;

    public OpenLoop(String name, int workers, IntPredicate success) {
        this.name = name;
        this.workers = workers;
        this.success = success;
    }

    public LoadResult fixedRate(double perSecond, Duration duration, Call call) {
        long interval = Math.max(1, Math.round(1e9 / perSecond));
        return run(perSecond, duration, call, interval);
    }

    public LoadResult fullSpeed(Duration duration, Call call) {
        return run(0, duration, call, 0);
    }

    private LoadResult run(double rate, Duration duration, Call call, long interval) {
        AtomicLong startAt = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong next = new AtomicLong();
        AtomicLongArray perSecond = new AtomicLongArray((int) duration.toSeconds() + 2);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong missed = new AtomicLong();
        // One histogram for all workers: one per worker (180 KB each at this range and precision) made
        // the load generator's own arrays the bulk of what every young collection copied, 11-46 MB per
        // phase, and lengthened each pause of the JVM it shares with what it measures.
        Histogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        // from each call's send to its answer: what the service took, without the wait for a worker to send it
        Histogram fromSend = interval > 0 ? new ConcurrentHistogram(HIGHEST_MICROS, 3) : histogram;
        AtomicLong sentLate = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Runnable loop = () -> {
                if (!awaitStart(go)) {
                    return;
                }
                long start = startAt.get();
                long end = start + duration.toNanos();
                if (interval > 0) {
                    scheduled(call, start, end, interval, next, histogram, fromSend, sentLate, perSecond, statuses, missed);
                } else {
                    flatOut(call, start, end, next, histogram, perSecond, statuses);
                }
            };
            Thread thread = new Thread(loop, name + "-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        // the schedule begins once every worker runs: starting hundreds of threads takes longer than a
        // few of its intervals, and the first calls due would otherwise wait for their thread to exist
        CpuMeter.Snapshot cpu = CpuMeter.snapshot();
        startAt.set(System.nanoTime() + 5_000_000);
        go.countDown();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during " + name, e);
            }
        }
        CpuMeter.Usage used = CpuMeter.since(cpu);
        long ok = statuses.entrySet().stream().filter(e -> success.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        long failed = statuses.values().stream().mapToLong(Long::longValue).sum() - ok;
        long[] seconds = new long[perSecond.length()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = perSecond.get(i);
        }
        return new LoadResult(name, rate, duration.toNanos() / 1e9, ok, failed, missed.get(), histogram, fromSend, sentLate.get(), seconds,
                Map.copyOf(statuses), used);
    }

    private static boolean awaitStart(CountDownLatch go) {
        try {
            go.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void scheduled(Call call, long start, long end, long interval, AtomicLong next, Histogram histogram, Histogram fromSend,
                           AtomicLong sentLate, AtomicLongArray perSecond, Map<Integer, Long> statuses, AtomicLong missed) {
        while (true) {
            long index = next.getAndIncrement();
            long due = start + index * interval;
            if (due >= end) {
                return;
            }
            long now = System.nanoTime();
            if (now >= end) {
                // the schedule fell behind: this call would have waited at least until now
                missed.incrementAndGet();
                histogram.recordValue(Math.min(HIGHEST_MICROS, (now - due) / 1000));
                continue;
            }
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            if (now - due > LoadResult.LATE_NANOS) {
                sentLate.incrementAndGet();
            }
            int status = invoke(call, index);
            long done = System.nanoTime();
            if (success.test(status)) {
                fromSend.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, (done - now) / 1000)));
            }
            count(status, done, start, histogram, (done - due) / 1000, perSecond, statuses);
        }
    }

    private void flatOut(Call call, long start, long end, AtomicLong next, Histogram histogram, AtomicLongArray perSecond,
                         Map<Integer, Long> statuses) {
        long now = System.nanoTime();
        while (now < start) {
            LockSupport.parkNanos(start - now);
            now = System.nanoTime();
        }
        while (now < end) {
            int status = invoke(call, next.getAndIncrement());
            long done = System.nanoTime();
            count(status, done, start, histogram, (done - now) / 1000, perSecond, statuses);
            now = done;
        }
    }

    private void count(int status, long done, long start, Histogram histogram, long micros, AtomicLongArray perSecond,
                       Map<Integer, Long> statuses) {
        statuses.merge(status, 1L, Long::sum);
        if (success.test(status)) {
            histogram.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
            int second = (int) ((done - start) / 1_000_000_000L);
            if (second >= 0 && second < perSecond.length()) {
                perSecond.incrementAndGet(second);
            }
        }
    }

    private static int invoke(Call call, long index) {
        try {
            return call.call(index);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
