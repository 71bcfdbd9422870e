package org.casetrack.access.auth;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.config.SecurityConfigurationProperties;
import jakarta.inject.Singleton;

/**
 * casetrack's default for micronaut-security (libraries ship no application.yml): a path with no
 * route answers 404, not 401/403, so clients can tell a typo from a missing token. Routes that
 * exist stay closed: a controller without {@code @Secured} is refused to everyone. An explicit
 * {@code micronaut.security.reject-not-found} still wins.
 */
@Singleton
public class SecurityDefaults implements BeanCreatedEventListener<SecurityConfigurationProperties> {
    static final String REJECT_NOT_FOUND = "micronaut.security.reject-not-found";

    private final Environment environment;

    public SecurityDefaults(Environment environment) {
        this.environment = environment;
    }

    @Override
    public SecurityConfigurationProperties onCreated(BeanCreatedEvent<SecurityConfigurationProperties> event) {
        SecurityConfigurationProperties security = event.getBean();
        if (!environment.containsProperty(REJECT_NOT_FOUND)) {
            security.setRejectNotFound(false);
        }
        return security;
    }
}
