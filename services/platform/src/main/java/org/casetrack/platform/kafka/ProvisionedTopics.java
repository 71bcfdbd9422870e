package org.casetrack.platform.kafka;

import org.casetrack.schemas.topics.Topics;

/**
 * casetrack's topics, known to exist with their declared settings: a bean that is only created
 * after the provisioner has run (or been turned off), so whoever injects it may use the topics.
 */
public record ProvisionedTopics(Topics topics) {
}
