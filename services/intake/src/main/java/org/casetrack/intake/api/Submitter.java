package org.casetrack.intake.api;

import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.http.ProblemException;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.avro.CaseCommand;
import org.casetrack.avro.CommandMetadata;
import org.casetrack.avro.CommandOutcome;
import org.casetrack.avro.CompoundCommand;
import org.casetrack.avro.EncryptedBlock;
import org.casetrack.intake.config.IntakeSettings;
import org.casetrack.intake.domain.Draft;
import org.casetrack.intake.domain.Ids;
import org.casetrack.intake.kafka.CommandGateway;
import org.casetrack.intake.kafka.OutcomeListener;
import org.casetrack.schemas.crypto.DataKey;
import org.casetrack.schemas.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of one request: seal personal data under the case keys, register the waits,
 * publish the commands, and answer from the ledger's outcomes (201 / 4xx), or 202 when they take
 * longer than the wait, 503 when the log cannot be reached, 429 beyond the bound on requests in
 * flight. Nothing here blocks the event loop after the sends: the answer is a future.
 */
@Singleton
public class Submitter {
    private static final Logger LOG = LoggerFactory.getLogger(Submitter.class);

    private final CommandGateway gateway;
    private final OutcomeListener outcomes;
    private final DataKeyStore keys;
    private final PersonalDataCipher cipher;
    private final IntakeSettings settings;
    private final Semaphore inFlight;

    public Submitter(CommandGateway gateway, OutcomeListener outcomes, DataKeyStore keys, PersonalDataCipher cipher, IntakeSettings settings) {
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.keys = keys;
        this.cipher = cipher;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    /** A command on one case. */
    public CompletableFuture<MutableHttpResponse<?>> caseCommand(Caller caller, String caseId, UUID commandId, String bodyHash, Draft draft) {
        return bounded(() -> {
            EncryptedBlock block = draft.hasPersonalData() ? cipher.seal(draft.personal(), keys.keyFor(caseId), caseId) : null;
            CaseCommand command = new CaseCommand(metadata(caller, commandId, caseId, bodyHash, null), draft.build().apply(block));
            return await(List.of(commandId), bodyHash, List.of(() -> gateway.send(command)), commandId,
                    list -> OutcomeResponses.single(list.get(0), "caseId"));
        });
    }

    /** A command on one compound. */
    public CompletableFuture<MutableHttpResponse<?>> compoundCommand(Caller caller, String compoundId, UUID commandId, String bodyHash, Object payload) {
        return bounded(() -> {
            CompoundCommand command = new CompoundCommand(metadata(caller, commandId, compoundId, bodyHash, null), payload);
            return await(List.of(commandId), bodyHash, List.of(() -> gateway.send(command)), commandId,
                    list -> OutcomeResponses.single(list.get(0), "compoundId"));
        });
    }

    /** A report of N persons: N case commands, one answer once all N are decided. */
    public CompletableFuture<MutableHttpResponse<?>> report(Caller caller, UUID reportId, String bodyHash, List<Draft> persons) {
        return bounded(() -> {
            List<String> caseIds = new ArrayList<>();
            List<String> withPersonalData = new ArrayList<>();
            for (int i = 0; i < persons.size(); i++) {
                String caseId = Ids.caseOf(reportId, i).toString();
                caseIds.add(caseId);
                if (persons.get(i).hasPersonalData()) {
                    withPersonalData.add(caseId);
                }
            }
            Map<String, DataKey> caseKeys = withPersonalData.isEmpty() ? Map.of() : keys.keysFor(withPersonalData);
            List<UUID> commandIds = new ArrayList<>();
            List<SendAction> sends = new ArrayList<>();
            for (int i = 0; i < persons.size(); i++) {
                Draft draft = persons.get(i);
                String caseId = caseIds.get(i);
                UUID commandId = Ids.caseCommandOf(reportId, i);
                EncryptedBlock block = draft.hasPersonalData() ? cipher.seal(draft.personal(), caseKeys.get(caseId), caseId) : null;
                CaseCommand command = new CaseCommand(metadata(caller, commandId, caseId, bodyHash, reportId), draft.build().apply(block));
                commandIds.add(commandId);
                sends.add(() -> gateway.send(command));
            }
            return await(commandIds, bodyHash, sends, reportId, OutcomeResponses::report);
        });
    }

    @FunctionalInterface
    private interface SendAction {
        CompletableFuture<Void> send();
    }

    @FunctionalInterface
    private interface Work {
        CompletableFuture<MutableHttpResponse<?>> start();
    }

    private CompletableFuture<MutableHttpResponse<?>> bounded(Work work) {
        if (!inFlight.tryAcquire()) {
            throw ProblemException.tooManyRequests("Too many reports are being recorded at once; retry with the same Idempotency-Key", 1);
        }
        try {
            return work.start().whenComplete((response, error) -> inFlight.release());
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    private CompletableFuture<MutableHttpResponse<?>> await(List<UUID> commandIds, String bodyHash, List<SendAction> sends, UUID requestId,
                                                          Function<List<CommandOutcome>, MutableHttpResponse<?>> answer) {
        List<CompletableFuture<CommandOutcome>> waits = commandIds.stream().map(id -> outcomes.expect(id, bodyHash)).toList();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (SendAction send : sends) {
            sent.add(send.send());
        }
        CompletableFuture<Void> allSent = CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        CompletableFuture<Void> allDecided = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
        return allSent
                .thenCompose(ok -> allDecided.orTimeout(settings.outcomeTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .<MutableHttpResponse<?>>thenApply(ok -> answer.apply(waits.stream().map(CompletableFuture::join).toList()))
                .exceptionally(error -> {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (cause instanceof TimeoutException && allSent.isDone() && !allSent.isCompletedExceptionally()) {
                        return OutcomeResponses.pending(requestId, commandIds);
                    }
                    commandIds.forEach(id -> outcomes.forget(id, bodyHash));
                    LOG.warn("Commands of request {} could not be published: {}", requestId, cause.getClass().getSimpleName());
                    return OutcomeResponses.unavailable();
                });
    }

    private CommandMetadata metadata(Caller caller, UUID commandId, String aggregateId, String bodyHash, UUID reportId) {
        Instant now = Instant.now();
        return CommandMetadata.newBuilder()
                .setCommandId(commandId)
                .setAggregateId(aggregateId)
                .setIssuedAt(now)
                .setNotAfter(now.plus(settings.commandTtl()))
                .setOrganisation(caller.organisation())
                .setPrincipal(caller.principal())
                .setBodyHash(bodyHash)
                .setReportId(reportId)
                .build();
    }
}
