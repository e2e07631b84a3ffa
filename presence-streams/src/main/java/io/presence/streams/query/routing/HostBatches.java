package io.presence.streams.query.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The keys of one round, grouped by the instance to ask and, within it, by partition — so each
 * instance gets one call — plus the keys no instance can be asked for, with the reason.
 */
final class HostBatches {

    private final Map<HostInfo, Map<Integer, List<String>>> byHost = new LinkedHashMap<>();
    private final Map<String, String> unroutable = new LinkedHashMap<>();

    Map<HostInfo, Map<Integer, List<String>>> byHost() {
        return byHost;
    }

    Map<String, String> unroutable() {
        return unroutable;
    }

    /** Each key to its active owner; keys whose owner is unknown, or failed earlier in this lookup, are unroutable. */
    static HostBatches toActives(Map<String, Placement> placements, LookupProgress<?> progress) {
        HostBatches batches = new HostBatches();
        placements.forEach((key, placement) -> {
            if (placement instanceof Placement.Unknown unknown) {
                batches.unroutable.put(key, unknown.reason());
            } else if (placement instanceof Placement.Located located && !located.hasActive()) {
                batches.unroutable.put(key, "partition " + located.partition() + " has no active owner right now");
            } else if (placement instanceof Placement.Located located && progress.hasFailed(located.active())) {
                batches.unroutable.put(key, "the owner of partition " + located.partition() + " did not answer");
            } else if (placement instanceof Placement.Located located) {
                batches.add(located.active(), located.partition(), key);
            }
        });
        return batches;
    }

    /**
     * Each key to a copy that may be a little behind: this instance's own if it has one (no network),
     * else a peer's standby not failed yet. This instance's own copy may be its active one: while a
     * rebalance runs, Kafka Streams refuses up-to-date reads of it until the stream thread is RUNNING
     * again, but a read that allows stale copies gets it at once — and nothing is fresher.
     */
    static HostBatches toStandbys(Map<String, Placement> placements, LookupProgress<?> progress, HostInfo self) {
        HostBatches batches = new HostBatches();
        placements.forEach((key, placement) -> {
            if (placement instanceof Placement.Located located) {
                standbyFor(located, progress, self).ifPresentOrElse(
                        host -> batches.add(host, located.partition(), key),
                        () -> batches.unroutable.put(key, "no active owner answered and partition " + located.partition()
                                + " has no reachable standby"));
            } else if (placement instanceof Placement.Unknown unknown) {
                batches.unroutable.put(key, unknown.reason());
            }
        });
        return batches;
    }

    private static Optional<HostInfo> standbyFor(Placement.Located located, LookupProgress<?> progress, HostInfo self) {
        if (located.active().equals(self) || located.standbys().contains(self)) {
            return Optional.of(self);
        }
        // a stable choice, so the keys of one partition go to one standby in one call
        return located.standbys().stream().filter(host -> !progress.hasFailed(host))
                .min(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port));
    }

    private void add(HostInfo host, int partition, String key) {
        byHost.computeIfAbsent(host, h -> new TreeMap<>()).computeIfAbsent(partition, p -> new ArrayList<>()).add(key);
    }
}
