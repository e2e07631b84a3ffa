package io.presence.streams.subscription;

import io.presence.http.ApiException;
import io.presence.streams.query.routing.KeyLookup;
import io.presence.streams.query.routing.KeyResult;
import io.presence.streams.query.routing.KeyResults;
import io.presence.streams.query.routing.QueryableStore;
import java.time.Duration;
import java.util.List;

/**
 * Reads a subscriber's list from the {@code subscription-ledger} store wherever it lives, through
 * the query API's routing (the same seam as GetUserStatus, R-QRY-4): any instance answers any caller.
 */
public final class RoutedLedgerLookup implements MySubscriptionsEndpoint.Lists {

    /** The ledger as the query API reads it; only the target ids travel between instances. */
    public static final QueryableStore<SubscriptionList, MySubscriptionsEndpoint.Answer> LEDGER =
            new QueryableStore<>(SubscriptionLedgerStore.NAME, MySubscriptionsEndpoint.Answer.class,
                    list -> new MySubscriptionsEndpoint.Answer(list.targetIds()));

    private final KeyLookup lookup;
    private final Duration retryAfter;

    public RoutedLedgerLookup(KeyLookup lookup, Duration retryAfter) {
        this.lookup = lookup;
        this.retryAfter = retryAfter;
    }

    @Override
    public List<String> targetsOf(String subscriberId) {
        KeyResults<MySubscriptionsEndpoint.Answer> results = lookup.lookup(LEDGER, List.of(subscriberId)).join();
        if (!results.unavailable().isEmpty()) {
            throw ApiException.unavailable("the subscriptions of this user are not readable while Kafka Streams starts"
                    + " or rebalances", retryAfter, null);
        }
        return results.get(subscriberId) instanceof KeyResult.Found<MySubscriptionsEndpoint.Answer> found
                ? found.answer().userIds() : List.of();
    }
}
