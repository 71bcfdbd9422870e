package org.casetrack.feeds.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** An HTTP response as a test sees it. */
public record Response(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String contentType() {
        return headers.firstValue("content-type").orElse("");
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (status " + status + "): " + body, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + contentType() + " " + body;
    }
}
