package org.casetrack.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.casetrack.access.support.AccessServer;
import org.casetrack.access.support.CapturingAppender;
import org.casetrack.access.support.Planted;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs last (see junit-platform.properties): no token secret, token hash, master key or planted
 * personal value of any test in this run appears in any log event of the run, with
 * micronaut-security and the HTTP server logging at DEBUG.
 */
@ExtendWith(DevStackExtension.class)
@Order(Integer.MAX_VALUE)
class LogScanTest {

    @Test
    void noTokenOrPersonalValueAppearsInTheLogOfTheWholeRun(TestScope scope) {
        try (AccessServer server = AccessServer.start(scope)) {
            String token = server.issue("coordinator");
            // a token sent with the wrong scheme or without one: micronaut-security's own reader logs such headers at DEBUG
            for (String header : List.of("Basic " + token, token, "Token " + token, "Bearer " + token + "-altered")) {
                server.send(HttpRequest.newBuilder(server.uri("/test/whoami")).header("Authorization", header).GET().build());
            }
            server.call("GET", "/test/boom", token, null);
        }

        Set<String> planted = Planted.all();
        List<String> events = CapturingAppender.events();
        assertThat(planted.size()).as("values planted by the tests of this run").isGreaterThan(5);
        assertThat(events.size()).as("captured log events").isGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        for (String event : events) {
            for (String value : planted) {
                if (event.contains(value)) {
                    leaks.add("'" + value.substring(0, Math.min(6, value.length())) + "...' in: "
                            + event.substring(0, Math.min(160, event.length())).replace(value, "<planted>"));
                }
            }
        }
        assertThat(leaks).as("log events carrying a planted value").isEmpty();
    }
}
