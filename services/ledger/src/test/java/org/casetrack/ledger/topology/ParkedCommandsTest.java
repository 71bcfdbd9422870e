package org.casetrack.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.PendingCaseCommands;
import org.casetrack.ledger.fixtures.Commands;
import org.casetrack.platform.kafka.TopicSerdes;
import org.casetrack.schemas.registry.InMemorySchemaRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParkedCommandsTest {
    private KeyValueStore<String, PendingCaseCommands> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.CASE_PENDING), Serdes.String(),
                new TopicSerdes(new InMemorySchemaRegistry(), true).internal(PendingCaseCommands.class)).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void waitingCommandsSurviveARestartAndAreRetriedFirstThingInArrivalOrder() {
        CaseCommand escape = Commands.caseCommand("case-1", Commands.escape("compound-late"));
        CaseCommand screening = Commands.caseCommand("case-1", Commands.escape(null));
        ParkedCommands before = new ParkedCommands(store);
        before.park("case-1", escape, 1_000, "compound-late");
        before.queue("case-1", screening, 1_010);

        ParkedCommands after = new ParkedCommands(store);
        List<CaseCommand> settled = new ArrayList<>();
        after.retry(head -> head.compoundId() == null, (command, arrivedAt) -> {
            settled.add(command);
            return null;
        });

        assertThat(settled).containsExactly(escape, screening);
        assertThat(after.hasWaiting("case-1")).isFalse();
        assertThat(store.get("case-1")).isNull();
    }

    @Test
    void aCaseStopsAtTheFirstCommandThatMustStillWaitAndRemembersWhatItWaitsFor() {
        ParkedCommands parked = new ParkedCommands(store);
        CaseCommand first = Commands.caseCommand("case-1", Commands.escape(null));
        CaseCommand second = Commands.caseCommand("case-1", Commands.escape("compound-later"));
        parked.park("case-1", first, 1_000, "compound-a");
        parked.queue("case-1", second, 1_020);

        parked.retry(head -> true, (command, arrivedAt) -> command.equals(first) ? null : "compound-later");

        assertThat(store.get("case-1").getCommands()).singleElement()
                .satisfies(p -> assertThat(p.getCommand()).isEqualTo(second));
        List<ParkedCommands.Head> due = new ArrayList<>();
        parked.retry(head -> due.add(head) && false, (command, arrivedAt) -> null);
        assertThat(due).containsExactly(new ParkedCommands.Head("compound-later", 1_020));
    }
}
