package org.casetrack.feeds.webhooks;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.casetrack.feeds.config.WebhookSettings;

/**
 * One delivery attempt: a POST of the JSON payload with the Standard Webhooks headers. Redirects
 * are not followed (a redirect could lead to an internal address); any 2xx is success. The outcome
 * names an HTTP status or an exception class, never a response body.
 */
@Singleton
public class WebhookSender {
    private final HttpClient http;
    private final Duration timeout;
    private final TargetPolicy policy;
    private final Clock clock;

    public WebhookSender(WebhookSettings settings, TargetPolicy policy) {
        this.timeout = settings.timeout();
        this.policy = policy;
        this.clock = Clock.systemUTC();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @param error empty on success */
    public record Outcome(boolean delivered, String error) {
        static Outcome ok() {
            return new Outcome(true, "");
        }

        static Outcome failed(String error) {
            return new Outcome(false, error);
        }
    }

    /**
     * Starts one attempt. The future completes with the outcome (a failure to connect or a timeout is
     * an outcome too); cancelling it releases whoever waits for it.
     */
    public CompletableFuture<Outcome> send(URI url, String webhookId, String body, byte[] key) {
        try {
            policy.checkAddresses(url);
        } catch (TargetPolicy.Refused e) {
            return CompletableFuture.completedFuture(Outcome.failed("target " + e.getMessage()));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "casetrack-embassy-feeds")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(key, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() >= 200 && response.statusCode() < 300
                        ? Outcome.ok() : Outcome.failed("HTTP " + response.statusCode()))
                .exceptionally(e -> Outcome.failed((e instanceof CompletionException && e.getCause() != null ? e.getCause() : e)
                        .getClass().getSimpleName()));
    }
}
