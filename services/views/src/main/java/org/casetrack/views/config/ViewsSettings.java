package org.casetrack.views.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The views service's settings, under {@code views.*} (environment: VIEWS_*). Kafka Streams overrides
 * go under {@code kafka.streams.views.*}.
 *
 * @param applicationId         base of the Streams application id; the topic prefix goes before it and
 *                              {@code -g<generation>} after it ({@code <prefix>views-g1})
 * @param advertisedHost        the host other views instances reach this one's HTTP server at (application.server)
 * @param suppressionThreshold  counts from 1 to this minus 1 read "<N" for monitor and embassy tokens
 * @param retryAfter            the Retry-After of a 503 while a store is not queryable
 * @param peerTimeout           how long a query waits for another instance's part of the answer
 * @param cacheMaxBytes         Streams record cache of a serving instance (statestore.cache.max.bytes)
 * @param rebuildCacheMaxBytes  Streams record cache of a rebuild, which folds many updates of a key into one write
 * @param streamThreads         stream threads of a serving instance (num.stream.threads), sharing its tasks: while
 *                              one waits at its exactly-once commit for its sends to be acknowledged, the other
 *                              processes (docs/decisions/0016)
 * @param rebuildStreamThreads  stream threads of a rebuild (num.stream.threads), sharing its tasks and its record cache,
 *                              and the partitions a seeding rebuild reads at once
 * @param commitInterval        commit interval of a serving instance: how often counts become visible
 *                              (each exactly-once commit costs the broker a transaction; 100 ms keeps
 *                              freshness well under the 250 ms aim at a fraction of the ledger's cost)
 * @param rebuildCommitInterval commit interval of a rebuild
 * @param rebuildSeed           a rebuild seeds the new generation's stores, view topics and offsets from its inputs
 *                              directly, and runs its Streams application only for what arrived meanwhile
 *                              (docs/decisions/0015); false replays every event through Kafka Streams
 * @param foldInterval          how long a serving instance folds count and timeline deltas before sending them to
 *                              their aggregates (one update per compound and day in each interval instead of one
 *                              per event); adds at most this much to freshness; zero sends every delta at once
 * @param rebuildFoldInterval   the same for a rebuild, where only throughput matters
 * @param switchTimeout         how long a new generation may take to restore before an instance gives up switching to it
 * @param cleanupTimeout        how long an instance waits for every instance to leave the old generation before deleting its topics
 * @param closeTimeout          how long closing a generation's Streams application may take
 * @param answerMaxAge          how long an answer over every compound (compounds, unrepatriated, and every
 *                              answer to monitors and embassies) is shared by the callers of one audience
 *                              before it is computed again; zero computes each one afresh
 * @param peerSecret            shared by every views instance: lets one instance ask another for exact counts on
 *                              behalf of a monitor or embassy caller, whose answer it then suppresses; must be set,
 *                              and equal, on every instance when the views are scaled out (without it each instance
 *                              draws its own and can only answer from its own stores)
 */
@ConfigurationProperties("views")
public record ViewsSettings(
        @Bindable(defaultValue = "views") String applicationId,
        @Bindable(defaultValue = "localhost") String advertisedHost,
        @Bindable(defaultValue = "5") int suppressionThreshold,
        @Bindable(defaultValue = "PT1S") Duration retryAfter,
        @Bindable(defaultValue = "PT2S") Duration peerTimeout,
        @Bindable(defaultValue = "67108864") long cacheMaxBytes,
        @Bindable(defaultValue = "536870912") long rebuildCacheMaxBytes,
        @Bindable(defaultValue = "2") int streamThreads,
        @Bindable(defaultValue = "2") int rebuildStreamThreads,
        @Bindable(defaultValue = "PT0.1S") Duration commitInterval,
        @Bindable(defaultValue = "PT1S") Duration rebuildCommitInterval,
        @Bindable(defaultValue = "true") boolean rebuildSeed,
        @Bindable(defaultValue = "PT0.02S") Duration foldInterval,
        @Bindable(defaultValue = "PT1S") Duration rebuildFoldInterval,
        @Bindable(defaultValue = "PT5M") Duration switchTimeout,
        @Bindable(defaultValue = "PT10M") Duration cleanupTimeout,
        @Bindable(defaultValue = "PT30S") Duration closeTimeout,
        @Bindable(defaultValue = "PT0.25S") Duration answerMaxAge,
        @Nullable String peerSecret) {

    /** The application id of a generation: {@code <prefix><applicationId>-g<N>}. */
    public String applicationId(String topicPrefix, int generation) {
        return topicPrefix + applicationId + "-g" + generation;
    }

    @Override
    public String toString() {
        return "ViewsSettings[applicationId=" + applicationId + ", advertisedHost=" + advertisedHost + ", suppressionThreshold="
                + suppressionThreshold + ", peerSecret=" + (peerSecret == null ? "unset" : "set") + "]";
    }

    public int retryAfterSeconds() {
        return (int) Math.max(1, retryAfter.toSeconds());
    }
}
