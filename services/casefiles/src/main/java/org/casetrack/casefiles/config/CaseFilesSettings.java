package org.casetrack.casefiles.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the case files, under {@code casefiles.*} (environment: CASEFILES_*).
 *
 * @param enabled           run the projector in this process (standalone sets it from CASETRACK_SERVICES; the rebuild
 *                          command turns it off)
 * @param groupId           the projector's consumer group, after the topic prefix ({@code <prefix>casefiles})
 * @param maxPollRecords    records per poll, and so at most per batch (one transaction)
 * @param pollTimeout       how long one poll waits for records
 * @param maxPollInterval   the consumer's max.poll.interval.ms: a projector stuck longer than this loses its partitions
 * @param sessionTimeout    the consumer's session.timeout.ms: a projector that died silently keeps its partitions this long
 * @param retryBackoff      the first wait after a failed batch (database down); doubles up to {@code maxRetryBackoff}
 * @param maxRetryBackoff   the longest wait between retries
 * @param rebuildBatchRecords records per poll and batch while rebuilding
 * @param rebuildReaders    readers (threads, consumers and database connections) sharing the partitions in a rebuild,
 *                          and the connections that then build the indexes side by side
 * @param rebuildCasesInMemory cases a rebuild reader holds in memory before it writes them (each is written once at the
 *                          end when they all fit; at most about 1 KB of heap each); 0, the default, sizes it from the heap
 *                          ({@link #rebuildCasesPerReader})
 */
@ConfigurationProperties("casefiles")
public record CaseFilesSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "casefiles") String groupId,
        @Bindable(defaultValue = "2000") int maxPollRecords,
        @Bindable(defaultValue = "200ms") Duration pollTimeout,
        @Bindable(defaultValue = "5m") Duration maxPollInterval,
        @Bindable(defaultValue = "45s") Duration sessionTimeout,
        @Bindable(defaultValue = "500ms") Duration retryBackoff,
        @Bindable(defaultValue = "10s") Duration maxRetryBackoff,
        @Bindable(defaultValue = "5000") int rebuildBatchRecords,
        @Bindable(defaultValue = "2") int rebuildReaders,
        @Bindable(defaultValue = "0") int rebuildCasesInMemory) {

    /**
     * The heap a held case takes at most, roughly, for sizing {@link #rebuildCasesPerReader}: 620,000
     * cases of the bench's data (3.2 events a case) added about 310 MB to the live heap, 500 bytes each.
     */
    static final long HELD_CASE_BYTES = 1024;

    /** The defaults, for code that runs without a Micronaut context (tests, tools). */
    public static CaseFilesSettings defaults() {
        return new CaseFilesSettings(true, "casefiles", 2000, Duration.ofMillis(200), Duration.ofMinutes(5), Duration.ofSeconds(45),
                Duration.ofMillis(500), Duration.ofSeconds(10), 5000, 2, 0);
    }

    /** These settings with other consumer timeouts (tests make a stalled or dead projector lose its partitions quickly). */
    public CaseFilesSettings withTimeouts(Duration pollInterval, Duration session) {
        return new CaseFilesSettings(enabled, groupId, maxPollRecords, pollTimeout, pollInterval, session, retryBackoff,
                maxRetryBackoff, rebuildBatchRecords, rebuildReaders, rebuildCasesInMemory);
    }

    public CaseFilesSettings withMaxPollRecords(int records) {
        return new CaseFilesSettings(enabled, groupId, records, pollTimeout, maxPollInterval, sessionTimeout, retryBackoff,
                maxRetryBackoff, rebuildBatchRecords, rebuildReaders, rebuildCasesInMemory);
    }

    /**
     * Cases each rebuild reader holds before it writes them: {@code rebuildCasesInMemory} when set,
     * otherwise as many as fill a quarter of the maximum heap at {@link #HELD_CASE_BYTES} each, shared
     * by the readers (at least 1,000).
     */
    public int rebuildCasesPerReader() {
        return rebuildCasesPerReader(Runtime.getRuntime().maxMemory());
    }

    int rebuildCasesPerReader(long maxHeap) {
        if (rebuildCasesInMemory > 0) {
            return rebuildCasesInMemory;
        }
        long perReader = maxHeap / 4 / HELD_CASE_BYTES / Math.max(1, rebuildReaders);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1_000, perReader));
    }
}
