package io.presence.streams.query.routing;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * This instance's Kafka Streams, as the query API uses it: where keys live, and reads of the store
 * copies held here. Everything above it (routing, endpoints) is free of Kafka Streams' failure modes,
 * which are turned into {@link Placement.Unknown} and {@link KeyResult.Unavailable} here.
 */
public interface StoreAccess {

    /** This instance's {@code application.server}, as other instances and the metadata name it. */
    HostInfo self();

    /** Where {@code key} of {@code store} lives, from fresh metadata. Never throws for Streams' state. */
    Placement locate(String store, String key);

    /**
     * Reads keys from this instance's copies of {@code store}'s partitions. With {@code staleAllowed}
     * a standby copy serves too; without, only an active task that is running.
     *
     * @param keysByPartition the keys to read, by the partition the metadata placed them in
     * @return a result for every key asked
     */
    <V, A> Map<String, KeyResult<A>> read(QueryableStore<V, A> store, Map<Integer, List<String>> keysByPartition,
                                          boolean staleAllowed);
}
