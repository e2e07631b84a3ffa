package io.presence.streams.query;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.presence.http.auth.JwtVerifier;
import io.presence.http.ratelimit.SlidingWindowRateLimiter;
import io.presence.streams.query.routing.HttpPeerLookup;
import io.presence.streams.query.routing.InternalKey;
import io.presence.streams.query.routing.KeyLookup;
import io.presence.streams.query.routing.PeerLookupEndpoint;
import io.presence.streams.query.routing.QueryableStore;
import io.presence.streams.query.routing.RoutedKeyLookup;
import io.presence.streams.query.routing.RoutingMeters;
import io.presence.streams.query.routing.StoreAccess;
import io.presence.streams.subscription.RoutedLedgerLookup;
import java.time.InstantSource;
import java.util.List;

/**
 * The query API of presence-streams: GetUserStatus for clients and the internal lookup the
 * instances serve each other. New key lookups (e.g. a caller's subscriptions) add their store to
 * {@link #STORES} and call {@link #keyLookup()}; the routing is shared.
 */
public final class QueryApi {

    /** Every store other instances may read through the internal lookup. */
    public static final List<QueryableStore<?, ?>> STORES = List.of(StatusJson.USER_STATUS, RoutedLedgerLookup.LEDGER);

    private final KeyLookup keyLookup;
    private final StatusQueryEndpoint statusQuery;
    private final PeerLookupEndpoint peerLookup;

    public QueryApi(QuerySettings settings, StoreAccess stores, MeterRegistry metrics, InstantSource clock) {
        InternalKey internalKey = settings.internalKey();
        HttpPeerLookup peers = new HttpPeerLookup(internalKey, settings.routing().peerTimeout());
        this.keyLookup = new RoutedKeyLookup(stores, peers, settings.routing(), new RoutingMeters(metrics));
        this.statusQuery = new StatusQueryEndpoint(new JwtVerifier(settings.clientTokens(), metrics), keyLookup,
                new StatusQueryEndpoint.Limits(settings.othersEnabled(),
                        new SlidingWindowRateLimiter(settings.othersLimit(), clock), settings.maxIds(),
                        settings.unavailableRetryAfter()));
        this.peerLookup = new PeerLookupEndpoint(internalKey, stores, STORES);
    }

    public void routes(Javalin app) {
        app.post("/v1/status:query", statusQuery::query);
        app.post(PeerLookupEndpoint.ROUTE, peerLookup::lookup);
    }

    /** Fetches keys of any of {@link #STORES} from wherever they live. */
    public KeyLookup keyLookup() {
        return keyLookup;
    }
}
