package org.casetrack.views.api;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.casetrack.access.http.ProblemException;
import org.casetrack.avro.CompoundCounts;
import org.casetrack.avro.CompoundState;
import org.casetrack.platform.config.CasetrackSettings;
import org.casetrack.views.config.GenerationApp;
import org.casetrack.views.config.ViewsService;
import org.casetrack.views.config.ViewsSettings;
import org.casetrack.views.domain.Snapshots.CompoundSnapshot;
import org.casetrack.views.domain.Snapshots.DaySnapshot;
import org.casetrack.views.topology.LatestCompounds;
import org.casetrack.views.topology.LatestCompounds.Latest;
import org.casetrack.views.topology.ViewsTopology;

/**
 * Reads the current generation's stores wherever they live: a key from the instance that owns it,
 * a whole store partition by partition from each partition's owner (this instance's own partitions
 * locally, the others over the internal endpoints), merged. While any part is not queryable the
 * answer is a 503 with Retry-After, never a partial number.
 */
@Singleton
public class ViewReader {
    private final ViewsService service;
    private final PeerClient peers;
    private final int partitions;
    private final ViewsSettings settings;

    ViewReader(ViewsService service, PeerClient peers, CasetrackSettings casetrack, ViewsSettings settings) {
        this.service = service;
        this.peers = peers;
        this.partitions = casetrack.partitions();
        this.settings = settings;
    }

    GenerationApp running() {
        return service.current().filter(GenerationApp::isRunning).orElseThrow(this::unavailable);
    }

    ProblemException unavailable() {
        return ProblemException.unavailable("The views are starting or rebalancing; retry shortly", settings.retryAfterSeconds());
    }

    public List<CompoundSnapshot> compounds(String authorization) {
        GenerationApp g = running();
        return scatter(g, ViewsTopology.COUNTS_STORE, (host, parts) -> isSelf(host)
                ? LocalStores.compounds(g.streams(), parts)
                : peers.list(host, internal(g, "compounds") + "?partitions=" + join(parts), authorization, CompoundSnapshot.class));
    }

    public Optional<CompoundSnapshot> compound(String compoundId, String authorization) {
        GenerationApp g = running();
        KeyQueryMetadata owner = owner(g, compoundId);
        HostInfo host = activeHost(owner);
        if (isSelf(host)) {
            return guard(() -> LocalStores.compound(g.streams(), owner.partition(), compoundId));
        }
        String path = internal(g, "compounds/" + URLEncoder.encode(compoundId, StandardCharsets.UTF_8));
        return Optional.ofNullable(peers.one(host, path, authorization, CompoundSnapshot.class));
    }

    /**
     * A compound's counts and registry state on this instance, each as its {@link LatestCompounds} knows it
     * in {@code epoch} (read from the stores and offered there when it knows nothing of them yet); null
     * when another instance owns the compound's partition. The epoch is read before the generation is found
     * running, so what is returned was current while it lasted.
     */
    @Nullable
    Here here(GenerationApp g, long epoch, String compoundId) {
        if (!g.isRunning()) {
            throw unavailable();
        }
        KeyQueryMetadata owner = owner(g, compoundId);
        if (!isSelf(activeHost(owner))) {
            return null;
        }
        LatestCompounds latest = g.latest();
        Latest<CompoundCounts> counts = latest.counts(compoundId, epoch);
        if (counts == null) {
            counts = latest.offerCounts(compoundId, epoch, guard(() -> LocalStores.counts(g.streams(), owner.partition(), compoundId)));
        }
        Latest<CompoundState> registry = latest.registry(compoundId, epoch);
        if (registry == null) {
            registry = latest.offerRegistry(compoundId, epoch, guard(() -> LocalStores.registry(g.streams(), owner.partition(), compoundId)));
        }
        return new Here(counts, registry);
    }

    /** A compound's counts and registry state as known on this instance in one epoch (a null value: none). */
    record Here(Latest<CompoundCounts> counts, Latest<CompoundState> registry) {
    }

    /** The current generation, or a 503 before there is one. */
    GenerationApp generation() {
        return service.current().orElseThrow(this::unavailable);
    }

    /** Where a compound's counts live (its partition and the instance it is active on). */
    private KeyQueryMetadata owner(GenerationApp g, String compoundId) {
        return guard(() -> g.streams().queryMetadataForKey(ViewsTopology.COUNTS_STORE, compoundId, Serdes.String().serializer()));
    }

    /** Days from {@code from} to {@code to} (yyyy-MM-dd, inclusive), or every day when both are null. */
    public List<DaySnapshot> days(String from, String to, String authorization) {
        GenerationApp g = running();
        String range = from == null ? "" : "&from=" + from + "&to=" + to;
        List<DaySnapshot> days = scatter(g, ViewsTopology.TIMELINE_STORE, (host, parts) -> isSelf(host)
                ? LocalStores.days(g.streams(), parts, from, to)
                : peers.list(host, internal(g, "timeline") + "?partitions=" + join(parts) + range, authorization, DaySnapshot.class));
        return days.stream().sorted((a, b) -> a.day().compareTo(b.day())).toList();
    }

    /** Reads every partition of a store once, from its active owner. */
    private <T> List<T> scatter(GenerationApp g, String store, BiFunction<HostInfo, List<Integer>, List<T>> read) {
        Map<HostInfo, List<Integer>> byOwner = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            KeyQueryMetadata owner = guard(() -> g.streams().queryMetadataForKey(store, "",
                    (topic, key, value, count) -> Optional.of(Set.of(partition))));
            byOwner.computeIfAbsent(activeHost(owner), h -> new ArrayList<>()).add(p);
        }
        List<T> all = new ArrayList<>();
        byOwner.forEach((host, parts) -> all.addAll(guard(() -> read.apply(host, parts))));
        return all;
    }

    private HostInfo activeHost(KeyQueryMetadata owner) {
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost() == null
                || owner.activeHost().equals(HostInfo.unavailable())) {
            throw unavailable();
        }
        return owner.activeHost();
    }

    private boolean isSelf(HostInfo host) {
        return HostInfo.buildFromEndpoint(service.applicationServer()).equals(host);
    }

    private static String internal(GenerationApp g, String path) {
        return "/internal/views/g" + g.generation() + "/" + path;
    }

    private static String join(List<Integer> parts) {
        return parts.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private <T> T guard(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw unavailable();
        }
    }
}
