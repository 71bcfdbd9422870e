package org.casetrack.access.http;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * casetrack's default for the HTTP server, set on the configuration bean because library modules
 * ship no application.yml: request bodies of at most 1 MiB (API.md: 413 beyond). An explicit
 * {@code micronaut.server.max-request-size} still wins.
 */
@Singleton
public class ServerDefaults implements BeanCreatedEventListener<HttpServerConfiguration> {
    public static final long MAX_REQUEST_SIZE = 1024 * 1024;
    static final String MAX_REQUEST_SIZE_PROPERTY = "micronaut.server.max-request-size";

    private final Environment environment;

    public ServerDefaults(Environment environment) {
        this.environment = environment;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration configuration = event.getBean();
        if (!environment.containsProperty(MAX_REQUEST_SIZE_PROPERTY)) {
            configuration.setMaxRequestSize(MAX_REQUEST_SIZE);
        }
        return configuration;
    }
}
