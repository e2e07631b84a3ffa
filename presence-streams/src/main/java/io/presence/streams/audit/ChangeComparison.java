package io.presence.streams.audit;

import io.presence.avro.StatusChange;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * R-AUD-2 for one partition: the changes the replay produces against the ones the live app
 * published, matched per user by the version they create. Each side is buffered only until its
 * counterpart arrives, so the memory is the skew between the two reads, not the history. Order is
 * checked on the published side: a user's versions must come out strictly increasing.
 */
final class ChangeComparison {

    /** One difference; {@code replayed} or {@code published} is null when that side has no such change. */
    record Mismatch(String userId, long version, StatusChange replayed, StatusChange published, String problem) {
    }

    private final Map<String, Map<Long, StatusChange>> replayedPending = new HashMap<>();
    private final Map<String, Map<Long, StatusChange>> publishedPending = new HashMap<>();
    private final Map<String, Long> lastPublishedVersion = new HashMap<>();
    private final Consumer<Mismatch> onMismatch;
    private long identical;
    private long mismatches;

    ChangeComparison(Consumer<Mismatch> onMismatch) {
        this.onMismatch = onMismatch;
    }

    void replayed(StatusChange change) {
        match(change, true);
    }

    void published(StatusChange change) {
        String userId = change.getUserId();
        long version = change.getCurrent().getVersion();
        Long last = lastPublishedVersion.put(userId, version);
        if (last != null && version <= last) {
            report(new Mismatch(userId, version, null, change,
                    "published out of order: version " + version + " after version " + last));
            return;
        }
        match(change, false);
    }

    /** A record of the status-changes topic that is not a StatusChange at all. */
    void publishedUndecodable(String userId, String where, String reason) {
        report(new Mismatch(userId, -1, null, null, "undecodable published record at " + where + ": " + reason));
    }

    /** Reports everything still unmatched: changes one side has and the other never produced. */
    void finish() {
        drain(replayedPending, true);
        drain(publishedPending, false);
    }

    long identical() {
        return identical;
    }

    long mismatches() {
        return mismatches;
    }

    private void match(StatusChange change, boolean fromReplay) {
        String userId = change.getUserId();
        long version = change.getCurrent().getVersion();
        StatusChange counterpart = take(fromReplay ? publishedPending : replayedPending, userId, version);
        if (counterpart == null) {
            (fromReplay ? replayedPending : publishedPending).computeIfAbsent(userId, u -> new HashMap<>())
                    .put(version, change);
            return;
        }
        StatusChange replayed = fromReplay ? change : counterpart;
        StatusChange published = fromReplay ? counterpart : change;
        if (replayed.equals(published)) {
            identical++;
        } else {
            report(new Mismatch(userId, version, replayed, published, "differs"));
        }
    }

    private static StatusChange take(Map<String, Map<Long, StatusChange>> pending, String userId, long version) {
        Map<Long, StatusChange> byVersion = pending.get(userId);
        if (byVersion == null) {
            return null;
        }
        StatusChange found = byVersion.remove(version);
        if (byVersion.isEmpty()) {
            pending.remove(userId);
        }
        return found;
    }

    private void drain(Map<String, Map<Long, StatusChange>> pending, boolean replayedSide) {
        for (var user : new TreeMap<>(pending).entrySet()) {
            for (var change : new TreeMap<>(user.getValue()).entrySet()) {
                report(replayedSide
                        ? new Mismatch(user.getKey(), change.getKey(), change.getValue(), null, "missing from the published changes")
                        : new Mismatch(user.getKey(), change.getKey(), null, change.getValue(), "published but not produced by the replay"));
            }
        }
        pending.clear();
    }

    private void report(Mismatch mismatch) {
        mismatches++;
        onMismatch.accept(mismatch);
    }
}
