package org.casetrack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.casetrack.bench.report.JfrSummary;

/**
 * A JFR recording (the JDK's "profile" settings) of this JVM during a flat-out intake load with the
 * write path alone, run for it and not measured.
 */
final class IntakeRecording implements AutoCloseable {
    private final Recording recording;

    private IntakeRecording(Recording recording) {
        this.recording = recording;
    }

    static IntakeRecording start() {
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read JFR's profile settings", e);
        }
        recording.setName("casetrack-bench-intake");
        recording.start();
        return new IntakeRecording(recording);
    }

    /** Stops, writes the recording to {@code file} and summarises it. */
    JfrSummary finish(Path file) {
        try {
            recording.stop();
            recording.dump(file);
            return JfrSummary.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the intake recording to " + file, e);
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}
