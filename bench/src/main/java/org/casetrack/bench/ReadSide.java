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
    private boolean paused;

    ReadSide(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public synchronized void pause() {
        if (paused) {
            return;
        }
        views().pause();
        context.getBean(ProjectorLifecycle.class).stop();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        if (!paused) {
            return;
        }
        views().resume();
        context.getBean(ProjectorLifecycle.class).start();
        paused = false;
    }

    private KafkaStreams views() {
        return context.getBean(ViewsService.class).current().orElseThrow(() -> new IllegalStateException("No views generation runs"))
                .streams();
    }
}
