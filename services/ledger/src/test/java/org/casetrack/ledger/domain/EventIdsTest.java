package org.casetrack.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void eventIdsAreNameBasedOnTheCommandIdAndIndex() {
        UUID command = UUID.fromString("7b2f4c1d-8e9a-5b3c-a1d2-3e4f5a6b7c8d");

        UUID first = EventIds.of(command, 0);

        assertThat(EventIds.of(command, 0)).isEqualTo(first);
        assertThat(EventIds.of(command, 1)).isNotEqualTo(first);
        assertThat(EventIds.of(UUID.randomUUID(), 0)).isNotEqualTo(first);
        assertThat(first.version()).isEqualTo(5);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void nameBasedIdsFollowRfc9562() {
        // the RFC's DNS namespace example: UUIDv5(6ba7b810-9dad-11d1-80b4-00c04fd430c8, "www.example.com")
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(EventIds.nameBased(dns, "www.example.com")).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }
}
