package org.casetrack.feeds.webhooks;

import io.micronaut.json.JsonMapper;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.feeds.store.Deliveries;
import org.casetrack.feeds.topology.DeliveryGate;
import org.casetrack.feeds.topology.FeedReader;

/** What every webhook worker shares. */
record WorkerContext(FeedReader reader, DeliveryGate gate, Deliveries deliveries, DisclosureLog disclosures,
                     WebhookSender sender, Backoff backoff, int attempts, JsonMapper json) {
}
