package org.casetrack.views.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.casetrack.access.auth.Roles;
import org.casetrack.access.http.ProblemException;
import org.casetrack.views.config.GenerationApp;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;

/**
 * What one views instance answers another: exact counts of the store partitions it owns, for the
 * generation asked. It takes the caller's forwarded token and the instances' shared secret, because
 * the answer is exact even when the caller will only see it suppressed.
 */
@Controller("/internal/views/g{generation}")
@Secured({Roles.COORDINATOR, Roles.MONITOR, Roles.EMBASSY})
@ExecuteOn(TaskExecutors.BLOCKING)
class InternalController {
    private final ViewReader reader;
    private final PeerSecret secret;

    InternalController(ViewReader reader, PeerSecret secret) {
        this.reader = reader;
        this.secret = secret;
    }

    @Get("/compounds")
    List<CompoundSnapshot> compounds(HttpRequest<?> request, @PathVariable int generation, @QueryValue String partitions) {
        GenerationApp g = generation(request, generation);
        return read(() -> LocalStores.compounds(g.streams(), parse(partitions)));
    }

    @Get("/compounds/{compoundId}")
    CompoundSnapshot compound(HttpRequest<?> request, @PathVariable int generation, @PathVariable String compoundId) {
        GenerationApp g = generation(request, generation);
        int partition = read(() -> g.streams().queryMetadataForKey(org.casetrack.views.topology.ViewsTopology.COUNTS_STORE, compoundId,
                org.apache.kafka.common.serialization.Serdes.String().serializer()).partition());
        return read(() -> LocalStores.compound(g.streams(), partition, compoundId))
                .orElseThrow(() -> ProblemException.notFound("No such compound"));
    }

    @Get("/timeline")
    List<DaySnapshot> timeline(HttpRequest<?> request, @PathVariable int generation, @QueryValue String partitions,
                               @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        GenerationApp g = generation(request, generation);
        return read(() -> LocalStores.days(g.streams(), parse(partitions), from, to));
    }

    private GenerationApp generation(HttpRequest<?> request, int generation) {
        if (!secret.matches(request.getHeaders().get(PeerSecret.HEADER))) {
            throw ProblemException.forbidden("Only views instances may read exact store partitions");
        }
        GenerationApp g = reader.running();
        if (g.generation() != generation) {
            throw reader.unavailable();
        }
        return g;
    }

    private static List<Integer> parse(String partitions) {
        try {
            return Arrays.stream(partitions.split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("partitions must be a comma-separated list of numbers");
        }
    }

    private <T> T read(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw reader.unavailable();
        }
    }
}
