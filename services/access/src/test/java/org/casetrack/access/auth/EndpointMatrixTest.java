package org.casetrack.access.auth;

import static org.casetrack.access.support.EndpointMatrix.As.ADMIN_FROM_ENVIRONMENT;
import static org.casetrack.access.support.EndpointMatrix.As.ADMIN_ISSUED;
import static org.casetrack.access.support.EndpointMatrix.everyCaller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casetrack.access.support.AccessServer;
import org.casetrack.access.support.EndpointMatrix;
import org.casetrack.access.support.EndpointMatrix.As;
import org.casetrack.access.support.EndpointMatrix.Row;
import org.casetrack.devstack.DevStackExtension;
import org.casetrack.devstack.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every endpoint of this module, called by every kind of caller, answers the status the role allows. */
@ExtendWith(DevStackExtension.class)
class EndpointMatrixTest {
    private static final Set<As> ADMINS = Set.of(ADMIN_FROM_ENVIRONMENT, ADMIN_ISSUED);

    static List<Row> rows() {
        String issue = AccessServer.tokenRequest("coordinator", "{unique}", "IOM Cambodia", Instant.now().plusSeconds(3600));
        List<Row> rows = new ArrayList<>();
        rows.addAll(everyCaller("POST", "/api/v1/tokens", issue, 201, ADMINS));
        rows.addAll(everyCaller("GET", "/api/v1/tokens", null, 200, ADMINS));
        rows.addAll(everyCaller("DELETE", "/api/v1/tokens/{victim}", null, 204, ADMINS));
        rows.addAll(everyCaller("DELETE", "/api/v1/tokens/{unique}", null, 404, ADMINS));
        rows.addAll(everyCaller("GET", "/api/v1/disclosures?caseId={unique}", null, 200, ADMINS));
        rows.addAll(everyCaller("GET", "/api/v1/disclosures", null, 400, ADMINS));
        // a path with no route is 404 for everyone, with or without a token
        for (As as : As.values()) {
            rows.add(new Row("GET", "/api/v1/no-such-thing", null, as, 404));
        }
        return rows;
    }

    @Test
    void everyRoleGetsTheStatusItsRoleAllowsOnEveryEndpoint(TestScope scope) {
        try (AccessServer server = AccessServer.start(scope, Map.of("casetrack.test.endpoints", "false"))) {
            EndpointMatrix.verify(server, rows());
        }
    }
}
