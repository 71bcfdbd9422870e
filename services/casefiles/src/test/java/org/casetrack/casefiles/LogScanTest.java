package org.casetrack.casefiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casetrack.casefiles.support.CapturingAppender;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of the module (junit-platform.properties orders classes) and
 * scans everything they logged: the personal data they put in (all of it marked "Planted": names,
 * phones, locations, health, notes, arrest grounds, consent details, and a search by name) appears
 * in no log line, exception message or stack trace. Meaningful in the full run only: alone, it finds
 * no case files served and fails.
 */
@Order(Integer.MAX_VALUE)
class LogScanTest {

    @Test
    void noPersonalDataReachedAnyLogLine() {
        List<String> events = CapturingAppender.events();

        assertThat(events).as("the case files tests ran in this JVM and served case files")
                .anyMatch(e -> e.contains("Case files projector started"));
        assertThat(events).noneMatch(e -> e.contains("Planted"));
    }
}
