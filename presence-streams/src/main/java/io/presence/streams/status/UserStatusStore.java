package io.presence.streams.status;

import io.presence.streams.session.UserPresence;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code user-status} store: userId → the fold's state. Its name is the contract with the
 * query API (interactive queries read it by this name); renaming it is a migration.
 */
public final class UserStatusStore {

    public static final String NAME = "user-status";

    private UserStatusStore() {
    }

    /**
     * Changelogged (the state survives the instance). Caching is off: the fold forwards changes
     * itself, so a cache would only delay the changelog, and the detector reads the store directly.
     */
    public static StoreBuilder<KeyValueStore<String, UserPresence>> builder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(), new UserStatusStoreSerde())
                .withCachingDisabled();
    }
}
