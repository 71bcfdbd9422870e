package org.casetrack.bench;

import io.micronaut.context.ApplicationContext;
import org.apache.kafka.streams.KafkaStreams;
import org.casetrack.bench.phases.IntakePhase;
import org.casetrack.casefiles.projector.ProjectorLifecycle;
import org.casetrack.views.config.ViewsService;

/**
 * The services that read the log (the live views and the case-file projector), paused while the
 * write path is measured alone, as the write model's speed targets are stated. The views' Streams
 * application stops processing and the projector leaves its group; on resume both go on from where
 * they stopped, the projector from the offsets stored with its rows.
 */
final class ReadSide implements IntakePhase.ReadSide {
    private final ApplicationContext context;

    ReadSide(ApplicationContext context) {
        this.context = context;
    }

    // both steps are idempotent (KafkaStreams' pause and resume, the projector's start and stop)
    @Override
    public void pause() {
        views().pause();
        context.getBean(ProjectorLifecycle.class).stop();
    }

    @Override
    public void resume() {
        views().resume();
        context.getBean(ProjectorLifecycle.class).start();
    }

    private KafkaStreams views() {
        return context.getBean(ViewsService.class).current().orElseThrow(() -> new IllegalStateException("No views generation runs"))
                .streams();
    }
}
