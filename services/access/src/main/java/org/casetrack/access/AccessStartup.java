package org.casetrack.access;

import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.access.tokens.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an HTTP server starts, brings up what every request needs, so that a missing or wrong
 * master key or an unreachable database stops the service at start-up with a clear message
 * rather than failing the first request: migrations of {@code "primary"}, the token store, and
 * the data-key store with its master-key check. Contexts without an HTTP server (tools, topology
 * tests) create these beans only when they use them.
 */
@Singleton
public class AccessStartup implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AccessStartup.class);

    private final BeanContext beans;

    public AccessStartup(BeanContext beans) {
        this.beans = beans;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        beans.getBean(TokenStore.class);
        DataKeyStore keys = beans.getBean(DataKeyStore.class);
        LOG.info("Access ready: tokens and data keys in schema \"primary\", master key {}", keys.masterKeyId());
    }
}
