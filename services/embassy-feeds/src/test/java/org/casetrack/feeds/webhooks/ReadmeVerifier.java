package org.casetrack.feeds.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.casetrack.feeds.support.Receiver.Delivery;

/** Runs the README's Python verification example, as published, on a delivery a receiver got. */
final class ReadmeVerifier {
    private static final String MARKER = "# verify_webhook.py";

    private ReadmeVerifier() {
    }

    /** @return what the README's verify() answered: "True" or "False" */
    static String verify(String secret, Delivery delivery) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(MARKER);
        assertThat(start).as("README.md holds the Python example").isPositive();
        String example = readme.substring(start, readme.indexOf("```", start));
        String driver = """

                import json, sys
                given = json.load(sys.stdin)
                print(verify(given["secret"], given["headers"], given["body"].encode("utf-8")))
                """;
        Path script = Files.createTempFile("verify_webhook", ".py");
        Files.writeString(script, example + driver);
        String input = new ObjectMapper().writeValueAsString(Map.of("secret", secret, "body", delivery.body(), "headers",
                Map.of("webhook-id", delivery.id(), "webhook-timestamp", delivery.timestamp(), "webhook-signature", delivery.signature())));
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString()).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        Files.deleteIfExists(script);
        return out;
    }
}
