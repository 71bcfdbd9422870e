package org.casetrack.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.casetrack.intake.domain.Ids;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void version5MatchesTheStandardExample() {
        // RFC 9562 / Python uuid.uuid5(NAMESPACE_DNS, "python.org")
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(Ids.v5(dns, "python.org")).isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void sameRequestGivesTheSameCommandAndCases() {
        UUID first = Ids.command("alice", "POST", "/api/v1/escapes", "key-1");
        UUID again = Ids.command("alice", "POST", "/api/v1/escapes", "key-1");

        assertThat(again).isEqualTo(first);
        assertThat(Ids.caseOf(first, 3)).isEqualTo(Ids.caseOf(again, 3));
        assertThat(Ids.caseOf(first, 3)).isNotEqualTo(Ids.caseOf(first, 4));
    }

    @Test
    void anotherPrincipalPathOrKeyGivesAnotherCommand() {
        UUID base = Ids.command("alice", "POST", "/api/v1/escapes", "key-1");

        assertThat(Ids.command("bob", "POST", "/api/v1/escapes", "key-1")).isNotEqualTo(base);
        assertThat(Ids.command("alice", "POST", "/api/v1/compounds", "key-1")).isNotEqualTo(base);
        assertThat(Ids.command("alice", "POST", "/api/v1/escapes", "key-2")).isNotEqualTo(base);
        assertThat(Ids.caseCommandOf(base, 0)).isNotEqualTo(Ids.caseOf(base, 0));
    }
}
