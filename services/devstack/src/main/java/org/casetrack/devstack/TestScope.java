package org.casetrack.devstack;

import org.casetrack.schemas.topics.Topics;

/**
 * What one test class owns on the shared infrastructure: a topic prefix, an application-id
 * prefix, and a database of its own, so classes never see each other's data.
 */
public record TestScope(String id, Topics topics, String databaseName, DevStack stack) {

    public String applicationId(String name) {
        return id + "-" + name;
    }

    public String jdbcUrl() {
        return stack.database().jdbcUrl(databaseName);
    }

    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** Creates (or verifies) every casetrack topic under this scope's prefix. */
    public TestScope provisionTopics() {
        stack.provisioner().ensure(topics.all());
        return this;
    }
}
