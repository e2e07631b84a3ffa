package io.presence.streams.query.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The one seam between the query API and Kafka Streams' interactive queries. Kafka Streams answers
 * "where is this key" and "read it here" in several ways that mean "not now" — a {@code null} or
 * {@link KeyQueryMetadata#NOT_AVAILABLE} placement, an unknown active host, an
 * {@link InvalidStateStoreException} (task migrated, store restoring, thread rebalancing), an
 * {@link IllegalStateException} when Streams is not running — and this class turns each into a value
 * the router can retry on, instead of an exception that would fail the whole batch.
 */
public final class KafkaStreamsStoreAccess implements StoreAccess {

    private static final Serializer<String> KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final HostInfo self;

    public KafkaStreamsStoreAccess(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public Placement locate(String store, String key) {
        try {
            return placementOf(store, streams.queryMetadataForKey(store, key, KEYS));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // StreamsNotStartedException before start(), IllegalStateException once no longer RUNNING or REBALANCING
            return new Placement.Unknown("Kafka Streams is not serving queries: " + e.getMessage());
        }
    }

    /** Kafka Streams' metadata for one key as a placement; package-private for its tests. */
    static Placement placementOf(String store, KeyQueryMetadata metadata) {
        if (metadata == null) {
            // only when no source topic feeds the store: a store name the topology does not have
            return new Placement.Unknown("the topology has no store '" + store + "'");
        }
        if (metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.partition() < 0) {
            return new Placement.Unknown("partition metadata is not available yet (Kafka Streams is starting or rebalancing)");
        }
        return new Placement.Located(metadata.partition(), metadata.activeHost(), metadata.standbyHosts());
    }

    @Override
    public <V, A> Map<String, KeyResult<A>> read(QueryableStore<V, A> store, Map<Integer, List<String>> keysByPartition,
                                                 boolean staleAllowed) {
        Map<String, KeyResult<A>> results = new LinkedHashMap<>();
        keysByPartition.forEach((partition, keys) -> results.putAll(readPartition(store, partition, keys, staleAllowed)));
        return results;
    }

    private <V, A> Map<String, KeyResult<A>> readPartition(QueryableStore<V, A> store, int partition, List<String> keys,
                                                           boolean staleAllowed) {
        Map<String, KeyResult<A>> results = new LinkedHashMap<>();
        try {
            ReadOnlyKeyValueStore<String, V> copy = streams.store(parameters(store.name(), partition, staleAllowed));
            for (String key : keys) {
                V value = copy.get(key);
                results.put(key, value == null ? new KeyResult.Absent<>() : new KeyResult.Found<>(store.toAnswer().apply(value)));
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // the store handle is lazy: a partition that moved away fails on get(), so the whole partition is retried
            KeyResult<A> unavailable = new KeyResult.Unavailable<>((staleAllowed ? "no copy" : "no active copy")
                    + " of " + store.name() + " partition " + partition + " on " + self.host() + ":" + self.port()
                    + ": " + e.getMessage());
            keys.forEach(key -> results.put(key, unavailable));
        }
        return results;
    }

    private static <V> StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters(String store, int partition,
                                                                                      boolean staleAllowed) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition);
        return staleAllowed ? parameters.enableStaleStores() : parameters;
    }
}
