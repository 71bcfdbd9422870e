package org.casetrack.standalone.health;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.stream.Collectors;
import org.casetrack.standalone.StandaloneSettings;

/**
 * Which services run in this process: all in standalone, one per container in compose. A service is
 * off when {@code <service>.enabled} is false (its start-up bean then does not exist).
 */
@Singleton
public class EnabledServices {
    private final Set<String> enabled;

    public EnabledServices(Environment environment) {
        this.enabled = StandaloneSettings.ALL_SERVICES.stream()
                .filter(s -> environment.getProperty(s + ".enabled", Boolean.class).orElse(true))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean runs(String service) {
        return enabled.contains(service);
    }

    public Set<String> all() {
        return enabled;
    }
}
