package org.casetrack.intake.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.casetrack.avro.CommandOutcome;

/**
 * Requests waiting for command outcomes, by command id, then by the body hash they were sent with.
 * A command id's waits change only inside the outer map's compute for that id, so a wait registered
 * while an outcome for the same id is being delivered either gets that outcome or stays registered
 * for the next one; it can never land in a set of waits that delivery has just dropped as empty.
 * Futures are completed after the compute, outside the map's lock.
 */
final class OutcomeWaits {
    private final Map<UUID, Map<String, CompletableFuture<CommandOutcome>>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<CommandOutcome> expect(UUID commandId, String bodyHash) {
        List<CompletableFuture<CommandOutcome>> registered = new ArrayList<>(1);
        waiting.compute(commandId, (id, byBody) -> {
            Map<String, CompletableFuture<CommandOutcome>> waits = byBody == null ? new ConcurrentHashMap<>() : byBody;
            registered.add(waits.computeIfAbsent(bodyHash, hash -> new CompletableFuture<>()));
            return waits;
        });
        return registered.get(0);
    }

    void forget(UUID commandId, String bodyHash) {
        waiting.computeIfPresent(commandId, (id, byBody) -> {
            byBody.remove(bodyHash);
            return byBody.isEmpty() ? null : byBody;
        });
    }

    boolean isWaitingFor(UUID commandId) {
        Map<String, CompletableFuture<CommandOutcome>> byBody = waiting.get(commandId);
        return byBody != null && !byBody.isEmpty();
    }

    /** Completes the waits the outcome answers: every wait of the id when it names no body hash, else that hash's. */
    void deliver(CommandOutcome outcome) {
        List<CompletableFuture<CommandOutcome>> answered = new ArrayList<>(1);
        waiting.computeIfPresent(outcome.getCommandId(), (id, byBody) -> {
            if (outcome.getBodyHash() == null) {
                answered.addAll(byBody.values());
                return null;
            }
            CompletableFuture<CommandOutcome> future = byBody.remove(outcome.getBodyHash());
            if (future != null) {
                answered.add(future);
            }
            return byBody.isEmpty() ? null : byBody;
        });
        answered.forEach(f -> f.complete(outcome));
    }
}
