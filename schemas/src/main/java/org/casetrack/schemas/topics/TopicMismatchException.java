package org.casetrack.schemas.topics;

import java.util.List;

/** Existing topics that differ from their declaration; casetrack refuses to start on them. */
public class TopicMismatchException extends RuntimeException {
    private final List<String> problems;

    public TopicMismatchException(List<String> problems) {
        super("Existing topics do not match their declaration (fix or delete them): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
