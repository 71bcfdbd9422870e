package org.casetrack.feeds.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the embassy feeds, under {@code feeds.*} (environment: FEEDS_*).
 *
 * @param nationalities  the nationalities (ISO 3166-1 alpha-2) that get a feed topic, provisioned at
 *                       start-up; unset means every ISO 3166-1 code. A case of another nationality
 *                       reaches no feed.
 * @param retention      how long a feed topic keeps its records; an SSE client resuming from an offset
 *                       older than that gets 410
 * @param applicationId  the Kafka Streams application id of the feeds topology
 * @param commitInterval how often the feeds topology commits (each exactly-once commit costs the
 *                       broker a transaction; embassies do not need the ledger's 15 ms)
 */
@ConfigurationProperties("feeds")
public record FeedsSettings(
        @Nullable List<String> nationalities,
        @Bindable(defaultValue = "90d") Duration retention,
        @Bindable(defaultValue = "casetrack-embassy-feeds") String applicationId,
        @Bindable(defaultValue = "PT0.2S") Duration commitInterval) {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    /**
     * The configured nationalities in upper case, sorted.
     *
     * @throws IllegalArgumentException naming a code that is not ISO 3166-1 alpha-2
     */
    public Set<String> nationalityCodes() {
        if (nationalities == null || nationalities.isEmpty()) {
            return new TreeSet<>(ISO_CODES);
        }
        Set<String> codes = new TreeSet<>();
        for (String raw : nationalities) {
            String code = raw.strip().toUpperCase(Locale.ROOT);
            if (!ISO_CODES.contains(code)) {
                throw new IllegalArgumentException("feeds.nationalities names '" + raw + "', which is not an ISO 3166-1 alpha-2 code");
            }
            codes.add(code);
        }
        return codes;
    }
}
