package org.casetrack.schemas.registry;

import java.util.List;

/** A registration refused by the subject's compatibility level; the message lists each problem. */
public class IncompatibleSchemaException extends RuntimeException {
    private final List<String> problems;

    public IncompatibleSchemaException(String subject, Compatibility level, List<String> problems) {
        super("Schema is incompatible with subject " + subject + " under " + level + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
