package org.casetrack.standalone.health;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Kafka answers: the cluster is described within a few seconds. */
@Singleton
class KafkaCheck implements ComponentCheck {
    private static final int TIMEOUT_MS = 5_000;

    private final Admin admin;

    KafkaCheck(Admin admin) {
        this.admin = admin;
    }

    @Override
    public List<ComponentHealth> check() {
        try {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
            int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            boolean controller = cluster.controller().get(TIMEOUT_MS, TimeUnit.MILLISECONDS) != null;
            Map<String, Object> details = Map.of("brokers", brokers, "controller", controller);
            return List.of(brokers > 0 ? ComponentHealth.up("kafka", details) : ComponentHealth.down("kafka", details));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(ComponentHealth.failed("kafka", e));
        } catch (Exception e) {
            return List.of(ComponentHealth.failed("kafka", e));
        }
    }
}
