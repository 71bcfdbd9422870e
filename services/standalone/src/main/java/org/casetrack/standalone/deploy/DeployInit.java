package org.casetrack.standalone.deploy;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.casetrack.access.db.PrimaryDatabase;
import org.casetrack.casefiles.store.DerivedDatabase;
import org.casetrack.feeds.store.FeedsDatabase;
import org.casetrack.feeds.topology.FeedTopics;
import org.casetrack.platform.kafka.ProvisionedTopics;
import org.casetrack.schemas.topics.TopicProvisioner;
import org.casetrack.standalone.StandaloneSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compose init step, run once before any service starts:
 * {@code java -cp casetrack.jar org.casetrack.standalone.deploy.DeployInit}. Creates (or verifies)
 * every topic with the cluster's replication, registers every topic's value schema in the remote
 * registry (services run with auto-registration off), migrates the database, and issues Prometheus
 * its monitor token. Idempotent; exits non-zero on any failure, so no service starts after one.
 */
public final class DeployInit {
    private static final Logger LOG = LoggerFactory.getLogger(DeployInit.class);

    private DeployInit() {
    }

    public static void main(String[] args) {
        try {
            run(Map.of());
        } catch (RuntimeException e) {
            LOG.error("The init step failed", e);
            System.exit(1);
        }
    }

    /** @param properties settings beyond the environment (tests) */
    public static void run(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        // a tool, not a service: no service's start-up bean, no metrics reader
        StandaloneSettings.ALL_SERVICES.forEach(s -> all.put(s + ".enabled", "false"));
        all.put("casetrack.metrics.cluster-enabled", "false");
        try (ApplicationContext context = ApplicationContext.builder().mainClass(DeployInit.class).properties(all).start()) {
            ProvisionedTopics topics = context.getBean(ProvisionedTopics.class);
            FeedTopics feeds = context.getBean(FeedTopics.class);
            feeds.provision(context.getBean(TopicProvisioner.class));
            int subjects = context.getBean(SchemaRegistration.class).registerAll(topics.topics(), feeds);
            context.getBean(PrimaryDatabase.class);
            context.getBean(FeedsDatabase.class);
            context.getBean(DerivedDatabase.class).ensureMigrated();
            boolean token = context.getBean(PrometheusToken.class).issue();
            LOG.info("Init done: {} topics and {} feed topics, {} schema subjects registered, database migrated{}",
                    topics.topics().all().size(), feeds.nationalities().size(), subjects,
                    token ? ", Prometheus token issued" : "");
        }
    }
}
