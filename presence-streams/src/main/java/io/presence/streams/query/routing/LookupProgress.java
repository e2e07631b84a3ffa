package io.presence.streams.query.routing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One lookup as it goes through its rounds: every key starts unavailable and keeps the first real
 * answer it gets. Answers arrive on HTTP client threads in parallel, hence the locking.
 */
final class LookupProgress<A> {

    private final Map<String, KeyResult<A>> results = new LinkedHashMap<>();
    private final Set<HostInfo> failedPeers = new HashSet<>();

    LookupProgress(List<String> keys) {
        KeyResult<A> notRead = new KeyResult.Unavailable<>("not read yet");
        keys.forEach(key -> results.put(key, notRead));
    }

    /** Takes the results of keys still open; a key already answered keeps its answer. */
    synchronized void record(Map<String, KeyResult<A>> answers) {
        answers.forEach((key, answer) -> results.computeIfPresent(key, (k, old) -> old.isResolved() ? old : answer));
    }

    synchronized void peerFailed(HostInfo peer) {
        failedPeers.add(peer);
    }

    /** A peer that failed once in this lookup is not asked again by it: a slow host costs one timeout, not one per round. */
    synchronized boolean hasFailed(HostInfo peer) {
        return failedPeers.contains(peer);
    }

    synchronized List<String> open() {
        return results.entrySet().stream().filter(e -> !e.getValue().isResolved()).map(Map.Entry::getKey).toList();
    }

    synchronized KeyResults<A> results() {
        return new KeyResults<>(results);
    }
}
