package io.presence.streams.subscription;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code subscription-ledger} store: subscriberId → its {@link SubscriptionList}. The name is
 * the contract with {@code GET /v1/me/subscriptions} (interactive queries read it by this name);
 * renaming it is a migration.
 */
public final class SubscriptionLedgerStore {

    public static final String NAME = "subscription-ledger";

    private SubscriptionLedgerStore() {
    }

    /** Changelogged, so the lists move with their task; uncached, as nothing is forwarded from a cache flush and a cache only delays the changelog. */
    public static StoreBuilder<KeyValueStore<String, SubscriptionList>> builder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(), new SubscriptionListSerde())
                .withCachingDisabled();
    }
}
