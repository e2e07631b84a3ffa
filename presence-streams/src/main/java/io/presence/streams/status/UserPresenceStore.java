package io.presence.streams.status;

import io.presence.streams.session.PresenceParts;
import io.presence.streams.session.UserLiveness;
import io.presence.streams.session.UserPresence;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A user's state as two stores keep it ({@link PresenceParts}): the record in {@code user-status},
 * the liveness in {@code user-liveness}. Whoever needs the whole state — the fold, the timeout
 * detector (it compares a due deadline with the connection's real last heartbeat), the
 * subscription retention — reads it here, merged; the heartbeat shortcut reads the liveness alone.
 */
public final class UserPresenceStore {

    private final KeyValueStore<String, StoredStatus> records;
    private final KeyValueStore<String, UserLiveness> livenesses;

    public UserPresenceStore(KeyValueStore<String, StoredStatus> records, KeyValueStore<String, UserLiveness> livenesses) {
        this.records = records;
        this.livenesses = livenesses;
    }

    /** Both stores, which the processor must be connected to. */
    public static UserPresenceStore open(ProcessingContext context) {
        return new UserPresenceStore(context.getStateStore(UserStatusStore.NAME),
                context.getStateStore(UserLivenessStore.NAME));
    }

    /** The user's state in its two parts; null for a user never stored. */
    public PresenceParts parts(String userId) {
        StoredStatus stored = records.get(userId);
        if (stored == null) {
            return null;
        }
        UserLiveness liveness = livenesses.get(userId);
        return new PresenceParts(stored.record(), liveness != null ? liveness : stored.carriedLiveness());
    }

    /** The user's whole state; null for a user never stored. */
    public UserPresence get(String userId) {
        PresenceParts parts = parts(userId);
        return parts == null ? null : parts.merged();
    }

    /**
     * The user's liveness alone; null when its store has no value for the user — a user never seen,
     * or one whose record was written before the liveness had a store (it carries the liveness).
     */
    public UserLiveness liveness(String userId) {
        return livenesses.get(userId);
    }

    public void putLiveness(String userId, UserLiveness liveness) {
        livenesses.put(userId, liveness);
    }

    /**
     * Writes what changed from {@code before} (as {@link #parts} read it; null for a user never
     * stored) to {@code after}. The liveness is written with every record too: a record read in
     * format 1 carried it, and must not be rewritten before the liveness is in its own store.
     */
    public void put(String userId, PresenceParts before, UserPresence after) {
        PresenceParts parts = PresenceParts.split(after);
        boolean recordChanged = before == null || !parts.record().equals(before.record());
        if (recordChanged) {
            records.put(userId, StoredStatus.of(parts.record()));
        }
        if (recordChanged || !parts.liveness().equals(before.liveness())) {
            livenesses.put(userId, parts.liveness());
        }
    }
}
