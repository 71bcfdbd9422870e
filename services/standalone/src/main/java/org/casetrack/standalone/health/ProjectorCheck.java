package org.casetrack.standalone.health;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casetrack.casefiles.projector.ProjectorLifecycle;
import org.casetrack.casefiles.projector.ProjectorStatus;

/** The case-files projector runs and how many records it has yet to write to PostgreSQL (its lag). */
@Singleton
class ProjectorCheck implements ComponentCheck {
    private final BeanContext beans;
    private final EnabledServices services;

    ProjectorCheck(BeanContext beans, EnabledServices services) {
        this.beans = beans;
        this.services = services;
    }

    @Override
    public List<ComponentHealth> check() {
        if (!services.runs("casefiles")) {
            return List.of();
        }
        var status = beans.findBean(ProjectorLifecycle.class).flatMap(ProjectorLifecycle::status);
        if (status.isEmpty()) {
            return List.of(ComponentHealth.down("casefiles-projector", Map.of("state", "NOT_STARTED")));
        }
        ProjectorStatus s = status.get();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", s.state().name());
        details.put("lag", s.lag());
        details.put("recordsCommitted", s.recordsCommitted());
        if (s.lastCommitAt() != null) {
            details.put("lastCommitAt", s.lastCommitAt().toString());
        }
        return List.of(new ComponentHealth("casefiles-projector", s.state() == ProjectorStatus.State.RUNNING, details));
    }
}
