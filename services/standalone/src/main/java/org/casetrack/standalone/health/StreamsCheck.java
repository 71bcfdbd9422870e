package org.casetrack.standalone.health;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.casetrack.feeds.topology.FeedStreams;
import org.casetrack.ledger.config.LedgerService;
import org.casetrack.platform.streams.StreamsApp;
import org.casetrack.views.config.GenerationApp;
import org.casetrack.views.config.ViewsService;

/**
 * Each Kafka Streams application of the services this process runs (ledger, the current views
 * generation, the embassy feeds): up while RUNNING or REBALANCING. An application that has not
 * started yet is reported down by its service's name.
 */
@Singleton
class StreamsCheck implements ComponentCheck {
    private final BeanContext beans;
    private final EnabledServices services;

    StreamsCheck(BeanContext beans, EnabledServices services) {
        this.beans = beans;
        this.services = services;
    }

    @Override
    public List<ComponentHealth> check() {
        List<ComponentHealth> results = new ArrayList<>();
        if (services.runs("ledger")) {
            results.add(state("ledger", beans.findBean(LedgerService.class).map(LedgerService::app)));
        }
        if (services.runs("views")) {
            results.add(state("views", beans.findBean(ViewsService.class).flatMap(ViewsService::current).map(GenerationApp::app)));
        }
        if (services.runs("feeds")) {
            results.add(state("embassy-feeds", beans.findBean(FeedStreams.class).flatMap(FeedStreams::app)));
        }
        return results;
    }

    private static ComponentHealth state(String service, Optional<StreamsApp> app) {
        String name = "streams-" + service;
        if (app.isEmpty()) {
            return ComponentHealth.down(name, Map.of("state", "NOT_STARTED"));
        }
        KafkaStreams.State state = app.get().state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("application", app.get().name());
        details.put("state", state.name());
        if (app.get().lastError() != null) {
            details.put("lastError", app.get().lastError().getClass().getName());
        }
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return new ComponentHealth(name, up, details);
    }
}
