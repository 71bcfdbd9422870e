package org.casetrack.casefiles.projector;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.casetrack.casefiles.config.CaseFilesSettings;
import org.casetrack.casefiles.store.DerivedDatabase;
import org.casetrack.platform.config.KafkaSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.platform.kafka.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the projector when the context starts and stops it on shutdown. Absent when
 * {@code casefiles.enabled} is false (standalone running other services, the rebuild command).
 */
@Singleton
// compose runs one service per process of the same jar: the others are switched off
@Requires(property = "casefiles.enabled", notEquals = "false")
public class ProjectorLifecycle implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectorLifecycle.class);

    private final CaseFilesSettings settings;
    private final KafkaSettings kafka;
    private final ProvisionedTopics topics;
    private final TopicSerdes serdes;
    private final DerivedDatabase database;
    private volatile CaseFilesProjector projector;

    public ProjectorLifecycle(CaseFilesSettings settings, KafkaSettings kafka, ProvisionedTopics topics, TopicSerdes serdes,
                              DerivedDatabase database) {
        this.settings = settings;
        this.kafka = kafka;
        this.topics = topics;
        this.serdes = serdes;
        this.database = database;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        start();
    }

    /** Starts the projector unless it runs; it goes on from the offsets stored with the rows. */
    public synchronized void start() {
        if (projector != null) {
            return;
        }
        projector = new CaseFilesProjector(settings, kafka.bootstrapServers(), topics.topics(), serdes, database, BatchObserver.NONE).start();
        LOG.info("Case files projector started (group {}{})", topics.topics().prefix(), settings.groupId());
    }

    /** The projector's status; empty when it does not run in this process. */
    public Optional<ProjectorStatus> status() {
        return Optional.ofNullable(projector).map(CaseFilesProjector::status);
    }

    /** Records not yet in PostgreSQL; -1 when the projector does not run here or has not polled yet. */
    public long lag() {
        return status().map(ProjectorStatus::lag).orElse(-1L);
    }

    @PreDestroy
    public synchronized void stop() {
        if (projector != null) {
            projector.close();
            projector = null;
            LOG.info("Case files projector stopped");
        }
    }
}
