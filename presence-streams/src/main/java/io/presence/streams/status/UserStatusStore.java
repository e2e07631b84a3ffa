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
     * Changelogged (the state survives the instance), behind Kafka Streams' record cache: nearly every
     * event reads and rewrites its user's record, and a RocksDB get or put costs about the same per call
     * whatever the value, so serving recent records from memory and writing each dirty one once per
     * commit is what brings the fold near a bare get+put. The cache changes nothing anyone sees: the
     * fold forwards its outputs itself (a Processor API cache holds back only the store's own writes),
     * the detector and the query API read through it, and under exactly-once it is flushed into the
     * changelog before every commit. Its size is the application's {@code statestore.cache.max.bytes}.
     */
    public static StoreBuilder<KeyValueStore<String, UserPresence>> builder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(), new UserStatusStoreSerde())
                .withCachingEnabled();
    }
}
