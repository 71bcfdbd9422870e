package org.casetrack.intake.api;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.casetrack.access.auth.Caller;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.disclosure.Disclosure;
import org.casetrack.access.disclosure.DisclosureLog;
import org.casetrack.access.keys.DataKeyStore;
import org.casetrack.avro.RecordPersonalDataErasure;
import org.casetrack.intake.domain.Draft;
import org.casetrack.intake.domain.Ids;
import org.casetrack.platform.config.CasetrackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure (admin): destroys the case's data key, so every encrypted block of the case reads as
 * erased from then on, writes the disclosure log, and has the ledger record PersonalDataErased.
 * The key goes first: erasure cannot be undone, and a retry only records the event.
 */
@Controller("/api/v1/cases/{caseId}/personal-data")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ErasureController {
    private static final Logger LOG = LoggerFactory.getLogger(ErasureController.class);

    private final Submitter submitter;
    private final DataKeyStore keys;
    private final DisclosureLog disclosures;
    private final ZoneId zone;

    public ErasureController(Submitter submitter, DataKeyStore keys, DisclosureLog disclosures, CasetrackSettings settings) {
        this.submitter = submitter;
        this.keys = keys;
        this.disclosures = disclosures;
        this.zone = settings.zoneId();
    }

    @Delete
    public CompletableFuture<MutableHttpResponse<?>> erase(@PathVariable String caseId, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        String id = Requests.pathId(caseId, "case");
        boolean destroyed = keys.destroy(id);
        disclosures.record(new Disclosure(Instant.now(), caller.principal(), caller.organisation(), "KEY_DESTROYED", id,
                destroyed ? "the case's data key" : "no data key was held", "erasure request"));
        LOG.info("Erasure of case {}: data key {}", id, destroyed ? "destroyed" : "was not held");
        // one erasure per case, whatever the key: a repeated DELETE returns the first outcome
        UUID commandId = Ids.v5(Ids.NAMESPACE, "erase\n" + id);
        Draft draft = Draft.clear(RecordPersonalDataErasure.newBuilder().setErasedOn(LocalDate.now(zone)).build());
        return submitter.caseCommand(caller, id, commandId, "erase:" + id, draft);
    }
}
