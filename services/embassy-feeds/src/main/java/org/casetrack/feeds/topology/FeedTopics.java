package org.casetrack.feeds.topology;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casetrack.avro.FeedEntry;
import org.casetrack.feeds.config.FeedsSettings;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.schemas.topics.Topic;
import org.casetrack.schemas.topics.TopicProvisioner;
import org.casetrack.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The feed topics of the configured nationalities, with the configured retention. */
@Singleton
public class FeedTopics {
    private static final Logger LOG = LoggerFactory.getLogger(FeedTopics.class);

    private final Topics topics;
    private final Set<String> nationalities;
    private final FeedsSettings settings;

    public FeedTopics(ProvisionedTopics provisioned, FeedsSettings settings) {
        this.topics = provisioned.topics();
        this.nationalities = settings.nationalityCodes();
        this.settings = settings;
    }

    public Topics topics() {
        return topics;
    }

    public Set<String> nationalities() {
        return nationalities;
    }

    /** The feed topic of a nationality; empty when that nationality has no feed here. */
    public Optional<Topic<FeedEntry>> of(String iso2) {
        return nationalities.contains(iso2) ? Optional.of(topics.embassyFeed(iso2, settings.retention())) : Optional.empty();
    }

    public List<Topic<?>> all() {
        return nationalities.stream().<Topic<?>>map(n -> topics.embassyFeed(n, settings.retention())).toList();
    }

    /** Creates the missing feed topics and verifies the existing ones (single partition, retention). */
    public void provision(TopicProvisioner provisioner) {
        List<String> created = provisioner.ensure(all());
        LOG.info("Feed topics provisioned for {} nationalities ({} created now)", nationalities.size(), created.size());
    }
}
