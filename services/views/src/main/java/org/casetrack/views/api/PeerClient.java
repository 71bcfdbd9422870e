package org.casetrack.views.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.casetrack.access.http.ProblemException;
import org.casetrack.views.config.ViewsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks another views instance for the part of an answer its stores own, over its internal HTTP
 * endpoints, forwarding the caller's token. Any failure is a 503: a partial answer would be a wrong number.
 */
@Singleton
class PeerClient {
    private static final Logger LOG = LoggerFactory.getLogger(PeerClient.class);

    private final HttpClient http;
    private final JsonMapper json;
    private final PeerSecret secret;
    private final ViewsSettings settings;

    PeerClient(JsonMapper json, PeerSecret secret, ViewsSettings settings) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.peerTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.json = json;
        this.secret = secret;
        this.settings = settings;
    }

    <T> List<T> list(HostInfo host, String pathAndQuery, String authorization, Class<T> type) {
        return get(host, pathAndQuery, authorization, Argument.listOf(type));
    }

    <T> T one(HostInfo host, String pathAndQuery, String authorization, Class<T> type) {
        return get(host, pathAndQuery, authorization, Argument.of(type));
    }

    private <T> T get(HostInfo host, String pathAndQuery, String authorization, Argument<T> type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(settings.peerTimeout()).header("Authorization", authorization).header(PeerSecret.HEADER, secret.value())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                LOG.warn("Views instance {}:{} answered {} for its part of a query", host.host(), host.port(), response.statusCode());
                throw unavailable();
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            LOG.warn("Views instance {}:{} did not answer its part of a query: {}", host.host(), host.port(), e.getClass().getSimpleName());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private ProblemException unavailable() {
        return ProblemException.unavailable("Another views instance could not answer its part; retry shortly", settings.retryAfterSeconds());
    }
}
