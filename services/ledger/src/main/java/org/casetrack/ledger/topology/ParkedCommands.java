package org.casetrack.ledger.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.ParkedCaseCommand;
import org.casetrack.avro.PendingCaseCommands;

/**
 * The case commands waiting for a compound, per case and in arrival order. The commands live in a named
 * store (so they survive a restart); an in-memory index of each case's first waiting command (which
 * compound, since when) lets a retry look only at the cases that can move, without reading every
 * waiting command back from the store. The index is rebuilt from the store whenever the task starts.
 */
final class ParkedCommands {
    /** What the first waiting command of a case waits for; compoundId null means "not known since the restart: try it". */
    record Head(String compoundId, long arrivedAt) {
    }

    /** Tries to decide a waiting command: null when it was answered, else the compound it still waits for. */
    interface Settler {
        String settle(CaseCommand command, long arrivedAt);
    }

    private final KeyValueStore<String, PendingCaseCommands> store;
    private final Map<String, Head> heads = new HashMap<>();

    ParkedCommands(KeyValueStore<String, PendingCaseCommands> store) {
        this.store = store;
        try (KeyValueIterator<String, PendingCaseCommands> all = store.all()) {
            all.forEachRemaining(e -> heads.put(e.key, new Head(null, e.value.getCommands().get(0).getArrivedAt().toEpochMilli())));
        }
    }

    boolean hasWaiting(String caseId) {
        return heads.containsKey(caseId);
    }

    int waitingCases() {
        return heads.size();
    }

    /** The first waiting command of a case. */
    void park(String caseId, CaseCommand command, long arrivedAt, String compoundId) {
        store.put(caseId, PendingCaseCommands.newBuilder().setCommands(List.of(parked(command, arrivedAt))).build());
        heads.put(caseId, new Head(compoundId, arrivedAt));
    }

    /** A later command of a case that has waiting commands: it waits behind them. */
    void queue(String caseId, CaseCommand command, long arrivedAt) {
        List<ParkedCaseCommand> commands = new ArrayList<>(store.get(caseId).getCommands());
        commands.add(parked(command, arrivedAt));
        store.put(caseId, PendingCaseCommands.newBuilder().setCommands(commands).build());
    }

    /** Settles, for every case whose first waiting command is due, its waiting commands in order until one must wait again. */
    void retry(Predicate<Head> due, Settler settler) {
        List<String> dueCases = heads.entrySet().stream().filter(e -> due.test(e.getValue())).map(Map.Entry::getKey).toList();
        for (String caseId : dueCases) {
            drain(caseId, store.get(caseId).getCommands(), settler);
        }
    }

    private void drain(String caseId, List<ParkedCaseCommand> commands, Settler settler) {
        int settled = 0;
        String waitingFor = null;
        while (settled < commands.size()) {
            ParkedCaseCommand head = commands.get(settled);
            waitingFor = settler.settle(head.getCommand(), head.getArrivedAt().toEpochMilli());
            if (waitingFor != null) {
                break;
            }
            settled++;
        }
        if (settled == commands.size()) {
            store.delete(caseId);
            heads.remove(caseId);
            return;
        }
        if (settled > 0) {
            store.put(caseId, PendingCaseCommands.newBuilder().setCommands(new ArrayList<>(commands.subList(settled, commands.size()))).build());
        }
        heads.put(caseId, new Head(waitingFor, commands.get(settled).getArrivedAt().toEpochMilli()));
    }

    private static ParkedCaseCommand parked(CaseCommand command, long arrivedAt) {
        return ParkedCaseCommand.newBuilder().setCommand(command).setArrivedAt(Instant.ofEpochMilli(arrivedAt)).build();
    }
}
