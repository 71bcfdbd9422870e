package org.casetrack.feeds.webhooks;

import java.time.Duration;

/** A timed wait that another thread can cut short (a stop, new demand), instead of a sleep that cannot be woken. */
public final class Waiter {
    private final Object monitor = new Object();
    private boolean woken;

    /** Waits up to the duration or until {@link #wake()}; returns at once if woken since the last wait. */
    public void await(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (monitor) {
            while (!woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            woken = false;
        }
    }

    public void wake() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }
}
