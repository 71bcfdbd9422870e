package org.casetrack.views.config;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.casetrack.platform.streams.StreamsApp;
import org.casetrack.views.topology.LatestCompounds;
import org.casetrack.views.topology.ViewTopics;

/**
 * One running generation of the views: its Streams application and its view topics, and, when it
 * serves queries, each compound's latest counts and registry state as its stream threads computed them
 * (null otherwise).
 */
public record GenerationApp(int generation, String applicationId, ViewTopics topics, StreamsApp app, LatestCompounds latest)
        implements AutoCloseable {

    public KafkaStreams streams() {
        return app.streams();
    }

    public boolean isRunning() {
        return app.isRunning();
    }

    public void close(Duration timeout) {
        app.close(timeout);
    }

    @Override
    public void close() {
        app.close();
    }
}
