package io.presence.streams.subscription;

import io.presence.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a subscriber's list from this instance's {@code subscription-ledger} store (interactive
 * query on the key's partition). A key kept by another instance — or moving in a rebalance — is
 * 50301 with Retry-After: forwarding to the owner belongs to the query API's routing seam
 * (GetUserStatus, R-QRY-4, with {@code application.server} and {@code queryMetadataForKey}), which
 * takes this lookup's place once it exists.
 */
public final class LocalLedgerLookup implements MySubscriptionsEndpoint.Lists {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final KafkaStreams streams;
    private final int userPartitions;

    /** @param userPartitions the partition count of the user topics, which the ledger's tasks follow */
    public LocalLedgerLookup(KafkaStreams streams, int userPartitions) {
        this.streams = streams;
        this.userPartitions = userPartitions;
    }

    @Override
    public List<String> targetsOf(String subscriberId) {
        try {
            ReadOnlyKeyValueStore<String, SubscriptionList> ledger = streams.store(StoreQueryParameters
                    .fromNameAndType(SubscriptionLedgerStore.NAME, QueryableStoreTypes.<String, SubscriptionList>keyValueStore())
                    .withPartition(partitionOf(subscriberId)));
            SubscriptionList list = ledger.get(subscriberId);
            return list == null ? List.of() : list.targetIds();
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the subscriptions of this user are kept by another instance, or are not"
                    + " available while Kafka Streams starts or rebalances", RETRY_AFTER, e);
        }
    }

    /**
     * The partition of {@code presence.subscriptions} the key is in: what Kafka's default
     * partitioner gives it, which every writer of the user topics and Kafka Streams' sinks use.
     * (Kafka Streams' own key metadata needs {@code application.server}, which comes with the
     * query API.)
     */
    private int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % userPartitions;
    }
}
