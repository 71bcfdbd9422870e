package org.casetrack.bench.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * How fast one core of the machine was at a moment: SHA-256 over a 64 KiB buffer on the calling thread,
 * in MB/s, after a short unmeasured warm-up. A run probes at its start and at its end, so a machine that
 * got slower meanwhile (a neighbour on a shared host, a lower clock) shows in the report beside figures
 * that moved for no reason in the code.
 */
public final class CpuProbe {
    private static final Duration WARM_UP = Duration.ofMillis(300);

    private CpuProbe() {
    }

    /** MB/s (10^6 bytes) hashed over {@code length} on this thread. */
    public static double megabytesPerSecond(Duration length) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        hash(sha256, buffer, WARM_UP.toNanos());
        long started = System.nanoTime();
        long bytes = hash(sha256, buffer, length.toNanos());
        return bytes / 1e6 / ((System.nanoTime() - started) / 1e9);
    }

    private static long hash(MessageDigest sha256, byte[] buffer, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long bytes = 0;
        byte last = 0;
        do {
            sha256.update(buffer);
            last ^= sha256.digest()[0];
            bytes += buffer.length;
        } while (System.nanoTime() < deadline);
        buffer[0] = last; // keeps the digests from being optimised away; the buffer's content does not matter
        return bytes;
    }
}
