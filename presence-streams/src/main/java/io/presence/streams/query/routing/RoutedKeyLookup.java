package io.presence.streams.query.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks keys up wherever they live (R-QRY-4). Each round groups the open keys by instance with
 * fresh metadata and asks every instance once, in parallel: this instance's own copies straight
 * from its stores, other instances through one internal call each. Rounds, per key:
 * <ol>
 *   <li>the active owner, up to {@code activeAttempts} times with a backoff — a rebalance moves
 *       partitions meanwhile, and fresh metadata follows them;</li>
 *   <li>then, if allowed, a copy that may be a little behind: this instance's own first (its standby,
 *       or its active copy while a rebalance keeps up-to-date reads closed), else a peer's standby;</li>
 *   <li>what is still open stays {@link KeyResult.Unavailable}: the caller answers 50301.</li>
 * </ol>
 * A peer that fails is not asked again in the same lookup, so one slow instance costs its own keys
 * one timeout and never holds or fails the keys of the others; one that keeps failing is skipped by
 * later lookups too, for a pause ({@link PeerBreakers}).
 */
public final class RoutedKeyLookup implements KeyLookup {

    private static final Logger log = LoggerFactory.getLogger(RoutedKeyLookup.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final StoreAccess access;
    private final PeerLookup peers;
    private final RoutingSettings settings;
    private final RoutingMeters meters;
    private final PeerBreakers breakers;

    public RoutedKeyLookup(StoreAccess access, PeerLookup peers, RoutingSettings settings, RoutingMeters meters) {
        this.access = access;
        this.peers = peers;
        this.settings = settings;
        this.meters = meters;
        this.breakers = new PeerBreakers(settings.failingPeerPause());
    }

    @Override
    public <V, A> CompletableFuture<KeyResults<A>> lookup(QueryableStore<V, A> store, List<String> keys) {
        LookupProgress<A> progress = new LookupProgress<>(keys);
        return activeRound(store, progress, 1).thenCompose(done -> {
            int openAfterActives = progress.open().size();
            CompletableFuture<Void> standbys = settings.standbyReads() && openAfterActives > 0 ? standbyRound(store, progress) : DONE;
            return standbys.thenApply(read -> {
                KeyResults<A> results = progress.results();
                int unanswered = results.unavailable().size();
                meters.answered(keys.size() - openAfterActives, openAfterActives - unanswered, unanswered);
                return results;
            });
        });
    }

    private <V, A> CompletableFuture<Void> activeRound(QueryableStore<V, A> store, LookupProgress<A> progress, int attempt) {
        HostBatches batches = HostBatches.toActives(locate(store, progress.open()), progress);
        return read(store, batches, false, progress).thenCompose(done -> {
            if (progress.open().isEmpty() || attempt >= settings.activeAttempts()) {
                return DONE;
            }
            return CompletableFuture.runAsync(() -> { },
                            CompletableFuture.delayedExecutor(settings.retryBackoff().toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(waited -> activeRound(store, progress, attempt + 1));
        });
    }

    private <V, A> CompletableFuture<Void> standbyRound(QueryableStore<V, A> store, LookupProgress<A> progress) {
        return read(store, HostBatches.toStandbys(locate(store, progress.open()), progress, access.self()), true, progress);
    }

    private Map<String, Placement> locate(QueryableStore<?, ?> store, List<String> keys) {
        Map<String, Placement> placements = new LinkedHashMap<>();
        keys.forEach(key -> placements.put(key, access.locate(store.name(), key)));
        return placements;
    }

    private <V, A> CompletableFuture<Void> read(QueryableStore<V, A> store, HostBatches batches, boolean staleAllowed,
                                                LookupProgress<A> progress) {
        Map<String, KeyResult<A>> unroutable = new LinkedHashMap<>();
        batches.unroutable().forEach((key, reason) -> unroutable.put(key, new KeyResult.Unavailable<>(reason)));
        progress.record(unroutable);

        List<CompletableFuture<Void>> calls = new ArrayList<>();
        // peers first: their calls are in flight while this instance reads its own copies
        batches.byHost().forEach((host, keys) -> {
            if (!host.equals(access.self())) {
                calls.add(readFromPeer(host, store, keys, staleAllowed, progress).thenAccept(progress::record));
            }
        });
        Map<Integer, List<String>> ownKeys = batches.byHost().get(access.self());
        if (ownKeys != null) {
            progress.record(access.read(store, ownKeys, staleAllowed));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    private <V, A> CompletableFuture<Map<String, KeyResult<A>>> readFromPeer(HostInfo peer, QueryableStore<V, A> store,
                                                                            Map<Integer, List<String>> keys, boolean staleAllowed,
                                                                            LookupProgress<A> progress) {
        CircuitBreaker breaker = breakers.of(peer);
        if (!breaker.tryAcquirePermission()) {
            progress.peerFailed(peer);
            return CompletableFuture.completedFuture(unavailable(keys, "instance " + peer.host() + ":" + peer.port()
                    + " keeps failing and is skipped for now"));
        }
        long start = breaker.getCurrentTimestamp();
        return peers.read(peer, store, keys, staleAllowed).handle((answer, failure) -> {
            long took = breaker.getCurrentTimestamp() - start;
            if (failure == null) {
                breaker.onSuccess(took, breaker.getTimestampUnit());
                return answer;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            breaker.onError(took, breaker.getTimestampUnit(), cause);
            progress.peerFailed(peer);
            meters.peerFailed();
            // the breaker logs a peer going bad once; single failures would flood the log under load
            log.debug("internal lookup of {} keys at {}:{} failed, they go on without it",
                    keys.values().stream().mapToInt(List::size).sum(), peer.host(), peer.port(), cause);
            return unavailable(keys, cause.getMessage() == null ? cause.toString() : cause.getMessage());
        });
    }

    private static <A> Map<String, KeyResult<A>> unavailable(Map<Integer, List<String>> keys, String reason) {
        Map<String, KeyResult<A>> unavailable = new LinkedHashMap<>();
        KeyResult<A> result = new KeyResult.Unavailable<>(reason);
        keys.values().forEach(partitionKeys -> partitionKeys.forEach(key -> unavailable.put(key, result)));
        return unavailable;
    }
}
