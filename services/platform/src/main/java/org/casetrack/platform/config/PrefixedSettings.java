package org.casetrack.platform.config;

import io.micronaut.core.value.PropertyResolver;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings passed through to a client library under a prefix, keyed by what follows the prefix
 * (under {@code kafka.streams.views}, the variable {@code KAFKA_STREAMS_VIEWS_NUM_STREAM_THREADS=2}
 * gives {@code num.stream.threads=2}).
 *
 * <p>Micronaut's {@code getProperties(prefix, RAW)} returns nothing from environment variables
 * once another property source holds a key under the same first segment: with the context built
 * with {@code kafka.bootstrap-servers}, as the standalone launcher and the bench build theirs, every
 * {@code KAFKA_STREAMS_*} variable was silently dropped. This walks the property entries instead,
 * which every source contributes to, and yields each name once in its dotted form (not the
 * hyphenated spellings an environment variable also maps to).
 */
public final class PrefixedSettings {
    private PrefixedSettings() {
    }

    public static Map<String, Object> under(PropertyResolver properties, String prefix) {
        Map<String, Object> found = new TreeMap<>();
        collect(properties, prefix, "", found);
        return found;
    }

    private static void collect(PropertyResolver properties, String path, String name, Map<String, Object> found) {
        var entries = properties.getPropertyEntries(path);
        if (entries.isEmpty()) {
            if (!name.isEmpty()) {
                properties.getProperty(path, String.class).ifPresent(value -> found.put(name, value));
            }
            return;
        }
        for (String entry : entries) {
            collect(properties, path + "." + entry, name.isEmpty() ? entry : name + "." + entry, found);
        }
    }
}
