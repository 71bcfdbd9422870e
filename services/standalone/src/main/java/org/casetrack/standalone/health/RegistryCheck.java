package org.casetrack.standalone.health;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.casetrack.platform.config.RegistrySettings;
import org.casetrack.schemas.registry.SchemaRegistry;

/** The schema registry answers: embedded (on the _schemas topic) or the remote one of SCHEMA_REGISTRY_URL. */
@Singleton
class RegistryCheck implements ComponentCheck {
    private final SchemaRegistry registry;
    private final String kind;

    RegistryCheck(SchemaRegistry registry, RegistrySettings settings) {
        this.registry = registry;
        this.kind = settings.remoteUrl().isPresent() ? "remote" : "embedded";
    }

    @Override
    public List<ComponentHealth> check() {
        try {
            int subjects = registry.subjects().size();
            return List.of(ComponentHealth.up("registry", Map.of("kind", kind, "subjects", subjects)));
        } catch (Exception e) {
            return List.of(ComponentHealth.failed("registry", e));
        }
    }
}
