package io.presence.streams.query.routing;

import io.javalin.http.Context;
import io.presence.http.ApiException;
import io.presence.http.JsonInput;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /internal/v1/stores/{store}/lookup}: the other instances' way into this instance's
 * store copies. Reachable only with the {@link InternalKey}; a client token gets 40101.
 */
public final class PeerLookupEndpoint {

    public static final String ROUTE = "/internal/v1/stores/{store}/lookup";

    private final InternalKey key;
    private final StoreAccess access;
    private final Map<String, QueryableStore<?, ?>> stores;

    public PeerLookupEndpoint(InternalKey key, StoreAccess access, List<QueryableStore<?, ?>> stores) {
        this.key = key;
        this.access = access;
        this.stores = stores.stream().collect(Collectors.toUnmodifiableMap(QueryableStore::name, Function.identity()));
    }

    /** The path of the lookup of {@code store}, for the calling side. */
    public static String path(String store) {
        return ROUTE.replace("{store}", store);
    }

    public void lookup(Context ctx) {
        key.verify(ctx.header(InternalKey.HEADER));
        String name = ctx.pathParam("store");
        QueryableStore<?, ?> store = stores.get(name);
        if (store == null) {
            throw ApiException.notFound("no queryable store '" + name + "'");
        }
        PeerLookupRequest request = JsonInput.read(ctx, PeerLookupRequest.class);
        if (request.partitions() == null || request.partitions().values().stream().anyMatch(keys -> keys == null)) {
            throw ApiException.invalidParameter("field 'partitions' must map partitions to lists of keys");
        }
        ctx.json(answer(store, request));
    }

    private <V, A> PeerLookupAnswer<A> answer(QueryableStore<V, A> store, PeerLookupRequest request) {
        return PeerLookupAnswer.of(access.read(store, request.partitions(), request.staleAllowed()));
    }
}
