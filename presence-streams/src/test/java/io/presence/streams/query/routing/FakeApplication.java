package io.presence.streams.query.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A pretend Kafka Streams application of several instances, as the router sees it: metadata that
 * places keys ({@code "p3-u1"} lives in partition 3), each instance's active and standby copies,
 * and peers that answer, fail or dawdle. This instance is {@link #SELF}.
 */
final class FakeApplication implements StoreAccess, PeerLookup {

    static final HostInfo SELF = new HostInfo("a", 8083);
    static final HostInfo B = new HostInfo("b", 8083);
    static final HostInfo C = new HostInfo("c", 8083);
    static final QueryableStore<String, String> NAMES = new QueryableStore<>("names", String.class, value -> "answer:" + value);

    /** One instance's copies: partition → key → value, and how its internal endpoint behaves. */
    static final class Instance {
        final Map<Integer, Map<String, String>> active = new ConcurrentHashMap<>();
        final Map<Integer, Map<String, String>> standby = new ConcurrentHashMap<>();
        volatile Duration delay = Duration.ZERO;
        volatile boolean unreachable;
        /** As Kafka Streams while a rebalance runs: up-to-date reads refused until the stream thread is RUNNING. */
        volatile boolean rebalancing;
        volatile Runnable afterAnswer = () -> { };
    }

    /** One internal call a peer received. */
    record PeerCall(HostInfo peer, Map<Integer, List<String>> keysByPartition, boolean staleAllowed) {
    }

    final Map<HostInfo, Instance> instances = new LinkedHashMap<>();
    final Map<Integer, HostInfo> activeOwner = new ConcurrentHashMap<>();
    final Map<Integer, Set<HostInfo>> standbyOwners = new ConcurrentHashMap<>();
    final List<PeerCall> peerCalls = new CopyOnWriteArrayList<>();
    final AtomicInteger unknownPlacementsLeft = new AtomicInteger();

    FakeApplication() {
        instances.put(SELF, new Instance());
        instances.put(B, new Instance());
        instances.put(C, new Instance());
    }

    /** {@code host} holds partition {@code partition} actively, with these entries. */
    FakeApplication active(HostInfo host, int partition, String... keys) {
        activeOwner.put(partition, host);
        instances.get(host).active.put(partition, entries(keys));
        return this;
    }

    FakeApplication standby(HostInfo host, int partition, String... keys) {
        standbyOwners.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet()).add(host);
        instances.get(host).standby.put(partition, entries(keys));
        return this;
    }

    Instance instance(HostInfo host) {
        return instances.get(host);
    }

    List<PeerCall> callsTo(HostInfo peer) {
        return peerCalls.stream().filter(call -> call.peer().equals(peer)).toList();
    }

    @Override
    public HostInfo self() {
        return SELF;
    }

    @Override
    public Placement locate(String store, String key) {
        if (unknownPlacementsLeft.getAndDecrement() > 0) {
            return new Placement.Unknown("metadata not built yet");
        }
        int partition = partitionOf(key);
        return new Placement.Located(partition, activeOwner.getOrDefault(partition, HostInfo.unavailable()),
                standbyOwners.getOrDefault(partition, Set.of()));
    }

    @Override
    public <V, A> Map<String, KeyResult<A>> read(QueryableStore<V, A> store, Map<Integer, List<String>> keysByPartition,
                                                 boolean staleAllowed) {
        Instance self = instances.get(SELF);
        try {
            // on the peer side of an HTTP test, a slow store read makes a slow peer
            Thread.sleep(self.delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pretending to be slow", e);
        }
        return readCopies(self, store, keysByPartition, staleAllowed);
    }

    @Override
    public <V, A> CompletableFuture<Map<String, KeyResult<A>>> read(HostInfo peer, QueryableStore<V, A> store,
                                                                   Map<Integer, List<String>> keysByPartition, boolean staleAllowed) {
        peerCalls.add(new PeerCall(peer, keysByPartition, staleAllowed));
        Instance instance = instances.get(peer);
        return CompletableFuture.supplyAsync(() -> {
            if (instance.unreachable) {
                throw new PeerUnreachableException(peer, "did not answer", null);
            }
            Map<String, KeyResult<A>> answer = readCopies(instance, store, keysByPartition, staleAllowed);
            instance.afterAnswer.run();
            return answer;
        }, CompletableFuture.delayedExecutor(instance.delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @SuppressWarnings("unchecked")
    private static <V, A> Map<String, KeyResult<A>> readCopies(Instance instance, QueryableStore<V, A> store,
                                                               Map<Integer, List<String>> keysByPartition, boolean staleAllowed) {
        Map<String, KeyResult<A>> results = new HashMap<>();
        keysByPartition.forEach((partition, keys) -> {
            Map<String, String> copy = !staleAllowed && instance.rebalancing ? null
                    : instance.active.containsKey(partition) ? instance.active.get(partition)
                    : staleAllowed ? instance.standby.get(partition) : null;
            for (String key : keys) {
                results.put(key, copy == null ? new KeyResult.Unavailable<>("no copy of partition " + partition)
                        : copy.containsKey(key) ? new KeyResult.Found<>(store.toAnswer().apply((V) copy.get(key)))
                        : new KeyResult.Absent<>());
            }
        });
        return results;
    }

    static int partitionOf(String key) {
        return Integer.parseInt(key.substring(1, key.indexOf('-')));
    }

    private static Map<String, String> entries(String... keys) {
        Map<String, String> entries = new ConcurrentHashMap<>();
        for (String key : keys) {
            entries.put(key, key);
        }
        return entries;
    }

    static List<String> keys(String... keys) {
        return new ArrayList<>(List.of(keys));
    }
}
