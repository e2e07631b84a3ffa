package io.presence.streams.status;

import io.presence.streams.session.UserLiveness;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code user-liveness} store: userId → the liveness part of the fold's state
 * ({@link UserLiveness}; the rest is in {@code user-status}). Kept apart because heartbeat
 * refreshes, most of the traffic, move only this part: each one reads and rewrites this small value
 * instead of the user's record. Renaming it is a migration.
 */
public final class UserLivenessStore {

    public static final String NAME = "user-liveness";

    private UserLivenessStore() {
    }

    /** Changelogged and uncached, like {@code user-status}: the detector reads what the fold just wrote. */
    public static StoreBuilder<KeyValueStore<String, UserLiveness>> builder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(), new UserLivenessSerde())
                .withCachingDisabled();
    }
}
