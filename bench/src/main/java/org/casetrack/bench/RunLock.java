package org.casetrack.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One bench run per output directory at a time. A run deletes and recreates {@code <out>/stack}, where its
 * broker and PostgreSQL keep their data; a second run on the same directory would delete the first one's
 * while it runs, and both would fail with errors that point elsewhere (a broken database connection, a
 * broker's unexpected error). The lock is an operating-system file lock on {@code <out>/bench.lock}, so it
 * goes with the process that held it, however that process ends; the file keeps the holder's pid and start.
 */
public final class RunLock implements AutoCloseable {
    static final String FILE = "bench.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of this output directory (creating the directory), or fails at once naming the run that
     * holds it.
     */
    public static RunLock acquire(Path out) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM already
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new IllegalStateException("another bench run is using " + out.toAbsolutePath() + " ("
                    + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to end, or give this one --out another directory");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
